"""The general path of ``ufunc.__call__``: array-likes, Python scalars (NEP 50), ``out=``,
``where=``, ``dtype=``, ``casting=``, ``order=``, ``signature=``; and ``resolve_dtypes``."""

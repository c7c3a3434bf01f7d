/* C twins of torchnp's hottest fast paths (docs/design-notes.md, "C fast paths"):
 * - ``call2``, ``call1``, ``inplace2``: ufunc._call2, _call1 and _inplace2 of _core/ufunc.py, for
 *   the cases they take (ndarray operands or one Python scalar, a loop in the fast tables, no
 *   errstate checks); everything else goes to the Python code, which stays the specification.
 * - the ndarray's number and comparison slots and the ufunc class's call slot, pointed at those
 *   (``install_slots``, ``install_call``), so ``a + b`` and ``np.add(a, b)`` run no Python frame;
 * - ``reshape_view``, ``transpose_view``, ``join``: the common case of ``a.reshape``, ``a.T`` and
 *   ``concatenate``, NotImplemented for the rest.
 * Each Python frame saved is ~0.1-0.2 us of a ~1.5 us call.
 *
 * The ndarray, Loop and ScalarLoop classes keep their Python ``__slots__``; ``setup`` reads each
 * slot's offset from its member descriptor once, so a slot read here is one load. Nothing is
 * cached across calls that Python code may change: the ufunc's tables and the config flags are
 * read on each call.
 *
 * Never called while Dynamo traces: Dynamo reads the classes' Python methods (never the slots),
 * and the Python callers of the functions test torch.compiler.is_dynamo_compiling() first.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#define SLOT(obj, off) (*(PyObject **)((char *)(obj) + (off)))

static PyTypeObject *ndarray_type, *loop_type, *scalar_loop_type, *tensor_type;
static Py_ssize_t nd_t, nd_dt, nd_base, nd_scalar;            /* ndarray slots */
static Py_ssize_t lp_kernel, lp_cast, lp_casts, lp_out_dt;    /* Loop slots */
static Py_ssize_t sl_kernel, sl_cast, sl_casts, sl_out_dt, sl_lo, sl_hi,   /* ScalarLoop */
    sl_tkernel, sl_tensors;
static PyObject *config_module, *readonly_module;
/* Python functions: ufunc_call.call, elision.binary */
static PyObject *general_call, *elision_binary;
static int elide_enabled;
static Py_ssize_t elide_min_bytes;
static PyObject *s_fast, *s_fast_s, *s_fast_rs, *s_inplace, *s_inplace_s, *s_fp_checks,
    *s_any, *s_to, *s_nbytes, *s_ndim, *s_base, *s_inplace2;

/* The references to a temporary operand (elision.HELD_BY_OPERATOR, HELD_BY_SLOT): from an
 * operator method, the caller's evaluation stack, the operator's parameter and the operator's
 * stack slot for this call (C functions borrow their arguments); from a number slot, the stack. */
#define HELD_BY_OPERATOR 3
#define HELD_BY_SLOT 1

static Py_ssize_t
slot_offset(PyObject *type, const char *name)
{
    PyObject *d = PyObject_GetAttrString(type, name);
    if (d == NULL)
        return -1;
    if (!Py_IS_TYPE(d, &PyMemberDescr_Type)
            || ((PyMemberDescrObject *)d)->d_member->type != T_OBJECT_EX) {
        PyErr_Format(PyExc_TypeError, "%R.%s is not an object slot", type, name);
        Py_DECREF(d);
        return -1;
    }
    Py_ssize_t offset = ((PyMemberDescrObject *)d)->d_member->offset;
    Py_DECREF(d);
    return offset;
}

static int
intern(PyObject **s, const char *text)
{
    *s = PyUnicode_InternFromString(text);
    return *s == NULL ? -1 : 0;
}

static PyObject *
setup(PyObject *module, PyObject *args)
{
    PyObject *nd, *lp, *sl, *tensor;
    if (!PyArg_ParseTuple(args, "O!O!O!OOOOpnO!", &PyType_Type, &nd, &PyType_Type, &lp,
                          &PyType_Type, &sl, &config_module, &readonly_module, &general_call,
                          &elision_binary, &elide_enabled, &elide_min_bytes, &PyType_Type,
                          &tensor))
        return NULL;
    Py_INCREF(tensor);
    tensor_type = (PyTypeObject *)tensor;
    Py_INCREF(config_module);
    Py_INCREF(readonly_module);
    Py_INCREF(general_call);
    Py_INCREF(elision_binary);
    Py_INCREF(nd);
    Py_INCREF(lp);
    Py_INCREF(sl);
    ndarray_type = (PyTypeObject *)nd;
    loop_type = (PyTypeObject *)lp;
    scalar_loop_type = (PyTypeObject *)sl;
    if ((nd_t = slot_offset(nd, "_t")) < 0 || (nd_dt = slot_offset(nd, "_dt")) < 0
            || (nd_base = slot_offset(nd, "_base")) < 0
            || (nd_scalar = slot_offset(nd, "_scalar")) < 0
            || (lp_kernel = slot_offset(lp, "kernel")) < 0
            || (lp_cast = slot_offset(lp, "cast")) < 0
            || (lp_casts = slot_offset(lp, "casts")) < 0
            || (lp_out_dt = slot_offset(lp, "out_dt")) < 0
            || (sl_kernel = slot_offset(sl, "kernel")) < 0
            || (sl_cast = slot_offset(sl, "cast")) < 0
            || (sl_casts = slot_offset(sl, "casts")) < 0
            || (sl_out_dt = slot_offset(sl, "out_dt")) < 0
            || (sl_lo = slot_offset(sl, "lo")) < 0 || (sl_hi = slot_offset(sl, "hi")) < 0
            || (sl_tkernel = slot_offset(sl, "tkernel")) < 0
            || (sl_tensors = slot_offset(sl, "tensors")) < 0)
        return NULL;
    if (intern(&s_fast, "_fast") || intern(&s_fast_s, "_fast_s")
            || intern(&s_fast_rs, "_fast_rs") || intern(&s_inplace, "_inplace")
            || intern(&s_inplace_s, "_inplace_s") || intern(&s_fp_checks, "FP_CHECKS")
            || intern(&s_any, "ANY") || intern(&s_to, "to") || intern(&s_nbytes, "nbytes")
            || intern(&s_ndim, "ndim") || intern(&s_base, "_base")
            || intern(&s_inplace2, "_inplace2"))
        return NULL;
    Py_RETURN_NONE;
}

/* Whether module attribute ``name`` is true: 1, 0, or -1 with an exception set. */
static int
flag(PyObject *module, PyObject *name)
{
    PyObject *value = PyObject_GetAttr(module, name);
    if (value == NULL)
        return -1;
    int set = PyObject_IsTrue(value);
    Py_DECREF(value);
    return set;
}

/* ``table[key]`` (a borrowed reference), or NULL with no exception where it has none. */
static PyObject *
lookup(PyObject *table, PyObject *key)
{
    if (table == NULL || !PyDict_CheckExact(table))
        return NULL;
    PyObject *value = PyDict_GetItemWithError(table, key);
    if (value == NULL)
        PyErr_Clear();      /* an unhashable key: the general path raises NumPy's error */
    return value;
}

/* ``uf.<name>[key1][key2]`` (borrowed), or NULL with no exception where any step fails. */
static PyObject *
table2(PyObject *uf, PyObject *name, PyObject *key1, PyObject *key2)
{
    PyObject *outer = PyObject_GetAttr(uf, name);
    if (outer == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *value = lookup(lookup(outer, key1), key2);
    Py_DECREF(outer);      /* the ufunc's dict keeps the tables alive */
    return value == Py_None ? NULL : value;
}

/* Whether Python scalar ``x`` lies in the ScalarLoop's [lo, hi] (None: any): 1, 0 or -1. */
static int
in_range(PyObject *loop, PyObject *x)
{
    PyObject *lo = SLOT(loop, sl_lo), *hi = SLOT(loop, sl_hi);
    if (lo == NULL || hi == NULL)
        return 0;
    if (lo == Py_None)
        return 1;
    int ok = PyObject_RichCompareBool(lo, x, Py_LE);
    if (ok == 1)
        ok = PyObject_RichCompareBool(x, hi, Py_LE);
    return ok;
}

/* The cached 0-d tensor that ScalarLoop ``loop`` takes in place of Python scalar ``s``
 * (ufunc.ScalarTensors; its ``__missing__`` makes it), in ``*z`` as a new reference; ``*z`` is
 * NULL where the loop takes the scalar itself. 0, or -1 with an exception set. */
static int
scalar_tensor(PyObject *loop, PyObject *s, PyObject **z)
{
    *z = NULL;
    PyObject *tensors = SLOT(loop, sl_tensors);
    if (tensors == NULL || tensors == Py_None || SLOT(loop, sl_tkernel) == NULL)
        return 0;
    /* an int, or a nonzero float (a float zero would find int 0's tensor: -0.0 == 0) */
    if (!PyLong_CheckExact(s) && !(PyFloat_CheckExact(s) && PyFloat_AS_DOUBLE(s) != 0.0))
        return 0;
    PyObject *value = PyDict_GetItemWithError(tensors, s);
    if (value != NULL)
        Py_INCREF(value);
    else if (PyErr_Occurred() || (value = PyObject_GetItem(tensors, s)) == NULL)
        return -1;
    if (Py_IS_TYPE(value, tensor_type))
        *z = value;
    else
        Py_DECREF(value);
    return 0;
}

/* ``t.to(dt)`` (a new reference), stealing ``t``. */
static PyObject *
cast(PyObject *t, PyObject *dt)
{
    PyObject *args[2] = {t, dt};
    PyObject *res = PyObject_VectorcallMethod(s_to, args, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                              NULL);
    Py_DECREF(t);
    return res;
}

/* A new ndarray around tensor ``t`` (stolen) of dtype ``dt``, with no base: NumPy's scalar when
 * 0-d if ``scalar`` (a computed result; convert.wrap_dt), else an array (convert.wrap_array). */
static PyObject *
wrap(PyObject *t, PyObject *dt, PyObject *scalar)
{
    PyObject *res = ndarray_type->tp_alloc(ndarray_type, 0);
    if (res == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    SLOT(res, nd_t) = t;
    Py_INCREF(dt);
    SLOT(res, nd_dt) = dt;
    Py_INCREF(Py_None);
    SLOT(res, nd_base) = Py_None;
    Py_INCREF(scalar);
    SLOT(res, nd_scalar) = scalar;
    return res;
}

/* ``ufunc_call.call(uf, args, out, {})``: NumPy's general path. */
static PyObject *
general(PyObject *uf, PyObject *args, PyObject *out)
{
    if (args == NULL)
        return NULL;
    PyObject *kwargs = PyDict_New();
    if (kwargs == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyObject *call[4] = {uf, args, out, kwargs};
    PyObject *res = PyObject_Vectorcall(general_call, call, 4, NULL);
    Py_DECREF(args);
    Py_DECREF(kwargs);
    return res;
}

/* Whether the raised exception is a RuntimeError, which the general path turns into NumPy's
 * error (shapes, devices, memory); then it is cleared. */
static int
clear_runtime_error(void)
{
    if (!PyErr_ExceptionMatches(PyExc_RuntimeError))
        return 0;
    PyErr_Clear();
    return 1;
}

/* Whether tensor ``t`` holds at least elision's MIN_BYTES: 1, 0 or -1. */
static int
large(PyObject *t)
{
    PyObject *n = PyObject_GetAttr(t, s_nbytes);
    if (n == NULL)
        return -1;
    Py_ssize_t bytes = PyLong_AsSsize_t(n);
    Py_DECREF(n);
    if (bytes == -1 && PyErr_Occurred())
        return -1;
    return bytes >= elide_min_bytes;
}

/* ufunc._call2(uf, x1, x2). ``held`` and ``frames``: elision's view of the caller, as its
 * ``binary`` takes them (HELD_BY_OPERATOR and 1 from an operator method, HELD_BY_SLOT and 0 from
 * the number slots below). */
static PyObject *
binary(PyObject *uf, PyObject *x1, PyObject *x2, int held, int frames)
{
    PyObject *loop = NULL, *t1, *t2;
    int scalar_loop = 0;
    if (Py_IS_TYPE(x1, ndarray_type)) {
        t1 = SLOT(x1, nd_t);
        if (Py_IS_TYPE(x2, ndarray_type)) {
            t2 = SLOT(x2, nd_t);
            if (t1 != NULL && t2 != NULL)
                loop = table2(uf, s_fast, SLOT(x1, nd_dt), SLOT(x2, nd_dt));
        }
        else {                              /* a Python scalar on the right */
            t2 = x2;
            if (t1 != NULL)
                loop = table2(uf, s_fast_s, (PyObject *)Py_TYPE(x2), SLOT(x1, nd_dt));
            scalar_loop = 1;
        }
    }
    else if (Py_IS_TYPE(x2, ndarray_type)) {  /* a Python scalar on the left: taken second */
        t1 = SLOT(x2, nd_t);
        t2 = x1;
        if (t1 != NULL)
            loop = table2(uf, s_fast_rs, (PyObject *)Py_TYPE(x1), SLOT(x2, nd_dt));
        scalar_loop = 1;
    }
    if (loop == NULL)
        return general(uf, PyTuple_Pack(2, x1, x2), Py_None);
    if (!Py_IS_TYPE(loop, scalar_loop ? scalar_loop_type : loop_type))
        return general(uf, PyTuple_Pack(2, x1, x2), Py_None);
    Py_ssize_t o_kernel = scalar_loop ? sl_kernel : lp_kernel;
    Py_ssize_t o_cast = scalar_loop ? sl_cast : lp_cast;
    Py_ssize_t o_casts = scalar_loop ? sl_casts : lp_casts;
    Py_ssize_t o_out_dt = scalar_loop ? sl_out_dt : lp_out_dt;
    PyObject *kernel = SLOT(loop, o_kernel), *out_dt = SLOT(loop, o_out_dt);
    PyObject *needs_cast = SLOT(loop, o_cast), *casts = SLOT(loop, o_casts);
    if (kernel == NULL || out_dt == NULL || needs_cast == NULL || casts == NULL)
        return general(uf, PyTuple_Pack(2, x1, x2), Py_None);
    if (scalar_loop) {
        int ok = in_range(loop, t2);
        if (ok < 0)
            return NULL;
        if (!ok)
            return general(uf, PyTuple_Pack(2, x1, x2), Py_None);
    }
    int fp_checks = flag(config_module, s_fp_checks);
    if (fp_checks < 0)
        return NULL;
    if (fp_checks)
        return general(uf, PyTuple_Pack(2, x1, x2), Py_None);

    PyObject *t;
    Py_INCREF(t1);          /* held, as ufunc._call2's locals hold them (elision counts them) */
    Py_INCREF(t2);
    if (needs_cast == Py_True) {
        if (!PyTuple_CheckExact(casts) || PyTuple_GET_SIZE(casts) != 2) {
            Py_DECREF(t1);
            Py_DECREF(t2);
            return general(uf, PyTuple_Pack(2, x1, x2), Py_None);
        }
        PyObject *c1 = PyTuple_GET_ITEM(casts, 0), *c2 = PyTuple_GET_ITEM(casts, 1);
        if (c1 != Py_None && (t1 = cast(t1, c1)) == NULL) {
            Py_DECREF(t2);
            goto kernel_failed;
        }
        if (c2 != Py_None && (t2 = cast(t2, c2)) == NULL) {
            Py_DECREF(t1);
            goto kernel_failed;
        }
        PyObject *kargs[2] = {t1, t2};
        t = PyObject_Vectorcall(kernel, kargs, 2, NULL);
    }
    else {
        int temporary = elide_enabled && (Py_REFCNT(x1) == held || Py_REFCNT(x2) == held);
        if (temporary && (temporary = large(t1)) < 0) {
            Py_DECREF(t1);
            Py_DECREF(t2);
            return NULL;
        }
        if (temporary) {        /* a*2.0 - b: into a*2.0 */
            PyObject *h = PyLong_FromLong(held), *f = PyLong_FromLong(frames);
            PyObject *eargs[7] = {loop, x1, x2, t1, t2, h, f};
            t = h == NULL || f == NULL ? NULL
                : PyObject_Vectorcall(elision_binary, eargs, 7, NULL);
            Py_XDECREF(h);
            Py_XDECREF(f);
        }
        else {              /* a Python scalar as a cached 0-d tensor, where it has one */
            PyObject *z = NULL;
            if (scalar_loop && scalar_tensor(loop, t2, &z) < 0)
                t = NULL;
            else {
                PyObject *kargs[2] = {t1, z == NULL ? t2 : z};
                t = PyObject_Vectorcall(z == NULL ? kernel : SLOT(loop, sl_tkernel), kargs, 2,
                                        NULL);
                Py_XDECREF(z);
            }
        }
    }
    Py_DECREF(t1);
    Py_DECREF(t2);
    if (t != NULL)
        return wrap(t, out_dt, Py_True);
kernel_failed:
    if (clear_runtime_error())
        return general(uf, PyTuple_Pack(2, x1, x2), Py_None);
    return NULL;
}

static PyObject *
call2(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "call2(ufunc, x1, x2)");
        return NULL;
    }
    return binary(args[0], args[1], args[2], HELD_BY_OPERATOR, 1);
}

/* ufunc._call1(uf, x) */
static PyObject *
unary(PyObject *uf, PyObject *x)
{
    PyObject *loop = NULL, *t = NULL;
    if (Py_IS_TYPE(x, ndarray_type) && (t = SLOT(x, nd_t)) != NULL) {
        PyObject *fast = PyObject_GetAttr(uf, s_fast);
        if (fast == NULL)
            PyErr_Clear();
        else {
            loop = lookup(fast, SLOT(x, nd_dt));
            Py_DECREF(fast);
        }
    }
    if (loop == NULL || !Py_IS_TYPE(loop, loop_type))
        return general(uf, PyTuple_Pack(1, x), Py_None);
    PyObject *kernel = SLOT(loop, lp_kernel), *out_dt = SLOT(loop, lp_out_dt);
    PyObject *casts = SLOT(loop, lp_casts);
    if (kernel == NULL || out_dt == NULL || casts == NULL || !PyTuple_CheckExact(casts)
            || PyTuple_GET_SIZE(casts) < 1)
        return general(uf, PyTuple_Pack(1, x), Py_None);
    int fp_checks = flag(config_module, s_fp_checks);
    if (fp_checks < 0)
        return NULL;
    if (fp_checks)
        return general(uf, PyTuple_Pack(1, x), Py_None);
    PyObject *c = PyTuple_GET_ITEM(casts, 0);
    Py_INCREF(t);
    if (c != Py_None && (t = cast(t, c)) == NULL)
        goto failed;
    PyObject *res = PyObject_Vectorcall(kernel, &t, 1, NULL);
    Py_DECREF(t);
    if (res != NULL)
        return wrap(res, out_dt, Py_True);
failed:
    if (clear_runtime_error())
        return general(uf, PyTuple_Pack(1, x), Py_None);
    return NULL;
}

static PyObject *
call1(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "call1(ufunc, x)");
        return NULL;
    }
    return unary(args[0], args[1]);
}

/* ``uf._inplace2(x1, x2)``, the Python method: it takes what this file leaves. */
static PyObject *
python_inplace2(PyObject *uf, PyObject *x1, PyObject *x2)
{
    PyObject *args[3] = {uf, x1, x2};
    return PyObject_VectorcallMethod(s_inplace2, args, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* Whether tensor ``t`` views another (``t._base is not None``): 1, 0 or -1. */
static int
is_view(PyObject *t)
{
    PyObject *base = PyObject_GetAttr(t, s_base);
    if (base == NULL)
        return -1;
    int view = base != Py_None;
    Py_DECREF(base);
    return view;
}

/* ufunc._inplace2(uf, x1, x2): ``x1 op= x2`` with torch's in-place kernel, for ndarray ``x1``
 * that is not a 0-d "scalar", no errstate checks, no read-only marks anywhere, and ``x2`` an
 * ndarray (the same tensor, or neither a view) or a Python scalar in range. */
static PyObject *
inplace(PyObject *uf, PyObject *x1, PyObject *x2)
{
    if (!Py_IS_TYPE(x1, ndarray_type))
        return python_inplace2(uf, x1, x2);
    PyObject *t1 = SLOT(x1, nd_t), *is_scalar = SLOT(x1, nd_scalar);
    if (t1 == NULL || is_scalar == NULL)
        return python_inplace2(uf, x1, x2);
    if (is_scalar == Py_True) {             /* a 0-d "scalar" rebinds: the Python method */
        PyObject *ndim = PyObject_GetAttr(t1, s_ndim);
        if (ndim == NULL)
            return NULL;
        long n = PyLong_AsLong(ndim);
        Py_DECREF(ndim);
        if (n == -1 && PyErr_Occurred())
            return NULL;
        if (n == 0)
            return python_inplace2(uf, x1, x2);
    }
    int stop = flag(config_module, s_fp_checks);
    if (stop == 0)
        stop = flag(readonly_module, s_any);
    if (stop < 0)
        return NULL;
    if (stop)
        return python_inplace2(uf, x1, x2);

    PyObject *kernel, *t2, *z = NULL;
    if (Py_IS_TYPE(x2, ndarray_type)) {
        t2 = SLOT(x2, nd_t);
        kernel = t2 == NULL ? NULL : table2(uf, s_inplace, SLOT(x1, nd_dt), SLOT(x2, nd_dt));
        if (kernel == NULL)
            return python_inplace2(uf, x1, x2);
        if (t2 != t1) {
            int view = is_view(t1);
            if (view == 0)
                view = is_view(t2);
            if (view < 0)
                return NULL;
            if (view)           /* views of one storage: the Python method checks for overlap */
                return python_inplace2(uf, x1, x2);
        }
    }
    else {
        t2 = x2;
        PyObject *sl = table2(uf, s_inplace_s, (PyObject *)Py_TYPE(x2), SLOT(x1, nd_dt));
        if (sl == NULL || !Py_IS_TYPE(sl, scalar_loop_type)
                || (kernel = SLOT(sl, sl_kernel)) == NULL)
            return python_inplace2(uf, x1, x2);
        int ok = in_range(sl, x2);
        if (ok < 0)
            return NULL;
        if (!ok)
            return python_inplace2(uf, x1, x2);
        if (scalar_tensor(sl, x2, &z) < 0) {
            if (clear_runtime_error())
                return general(uf, PyTuple_Pack(2, x1, x2), x1);
            return NULL;
        }
        if (z != NULL) {
            kernel = SLOT(sl, sl_tkernel);
            t2 = z;
        }
    }
    PyObject *kargs[2] = {t1, t2};
    PyObject *res = PyObject_Vectorcall(kernel, kargs, 2, NULL);
    Py_XDECREF(z);
    if (res == NULL) {
        if (clear_runtime_error())      /* shapes, read-only, overlap: NumPy's error or result */
            return general(uf, PyTuple_Pack(2, x1, x2), x1);
        return NULL;
    }
    Py_DECREF(res);
    Py_INCREF(x1);
    return x1;
}

static PyObject *
inplace2(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "inplace2(ufunc, x1, x2)");
        return NULL;
    }
    return inplace(args[0], args[1], args[2]);
}

/* ----- views and joins: the bodies of ``a.reshape``, ``a.T`` and ``concatenate`` --------------
 * Each takes the common case and returns NotImplemented for the Python code to take the rest
 * (and to raise NumPy's errors): the Python functions call these first unless Dynamo traces. */
static PyObject *torch_cat, *readonly_inherit;
static PyObject *s_view, *s_mT, *s_t;

/* A new ndarray around tensor ``t`` (stolen) viewing ndarray ``a`` (convert.wrap_view for a
 * non-scalar ``a``; the view's dtype is ``a``'s). */
static PyObject *
wrap_view(PyObject *t, PyObject *a)
{
    PyObject *res = ndarray_type->tp_alloc(ndarray_type, 0);
    if (res == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyObject *dt = SLOT(a, nd_dt), *base = SLOT(a, nd_base);
    base = base == Py_None ? a : base;
    SLOT(res, nd_t) = t;
    Py_INCREF(dt);
    SLOT(res, nd_dt) = dt;
    Py_INCREF(base);
    SLOT(res, nd_base) = base;
    Py_INCREF(Py_False);
    SLOT(res, nd_scalar) = Py_False;
    int marked = flag(readonly_module, s_any);
    if (marked > 0) {
        PyObject *args[2] = {t, SLOT(a, nd_t)};
        PyObject *done = PyObject_Vectorcall(readonly_inherit, args, 2, NULL);
        Py_XDECREF(done);
        if (done == NULL)
            marked = -1;
    }
    if (marked < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* The ndarray ``a``'s tensor (and its ndim, unless ``ndim`` is NULL), or NULL (no exception)
 * where ``a`` is not an ndarray with every slot set, or is a 0-d "scalar" (whose views are
 * copies: the Python code). */
static PyObject *
view_source(PyObject *a, long *ndim)
{
    if (!Py_IS_TYPE(a, ndarray_type))
        return NULL;
    PyObject *t = SLOT(a, nd_t), *scalar = SLOT(a, nd_scalar);
    if (t == NULL || scalar == NULL || SLOT(a, nd_dt) == NULL || SLOT(a, nd_base) == NULL)
        return NULL;
    if (ndim == NULL && scalar != Py_True)
        return t;
    PyObject *n = PyObject_GetAttr(t, s_ndim);
    if (n == NULL) {
        PyErr_Clear();
        return NULL;
    }
    long k = PyLong_AsLong(n);
    Py_DECREF(n);
    if (k == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return NULL;
    }
    if (k == 0 && scalar == Py_True)
        return NULL;
    if (ndim != NULL)
        *ndim = k;
    return t;
}

/* Whether the raised exception is one of torch's refusals (RuntimeError, TypeError, ValueError,
 * IndexError), which the Python code turns into NumPy's; then it is cleared. */
static int
clear_refusal(void)
{
    if (!PyErr_ExceptionMatches(PyExc_RuntimeError) && !PyErr_ExceptionMatches(PyExc_TypeError)
            && !PyErr_ExceptionMatches(PyExc_ValueError)
            && !PyErr_ExceptionMatches(PyExc_IndexError))
        return 0;
    PyErr_Clear();
    return 1;
}

/* reshape_view(a, shape): ``a.reshape(*shape)`` (``shape``: the method's positional arguments,
 * one tuple or separate sizes) where torch can view ``a`` in that shape, as NumPy then does (a
 * contiguous array always; torch raises where strides forbid it: the Python code copies). */
static PyObject *
reshape_view(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyTuple_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "reshape_view(a, shape)");
        return NULL;
    }
    PyObject *a = args[0], *dims = args[1];
    if (PyTuple_GET_SIZE(dims) == 1 && PyTuple_CheckExact(PyTuple_GET_ITEM(dims, 0)))
        dims = PyTuple_GET_ITEM(dims, 0);
    PyObject *t = view_source(a, NULL);
    Py_ssize_t n = PyTuple_GET_SIZE(dims);
    if (t == NULL || n == 0 || n > 64)      /* (), or more than NumPy's 64 dimensions */
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *stack[65];
    stack[0] = t;
    for (Py_ssize_t i = 0; i < n; i++) {
        stack[i + 1] = PyTuple_GET_ITEM(dims, i);
        if (PyBool_Check(stack[i + 1]))         /* torch takes a bool as a size; NumPy refuses */
            Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *r = PyObject_VectorcallMethod(s_view, stack, (size_t)(n + 1), NULL);
    if (r == NULL) {
        if (clear_refusal())
            Py_RETURN_NOTIMPLEMENTED;
        return NULL;
    }
    return wrap_view(r, a);
}

/* transpose_view(a): ``a.T`` for up to two dimensions (Tensor.mT, or Tensor.t: a new view even
 * of a 0-d or 1-d tensor). */
static PyObject *
transpose_view(PyObject *module, PyObject *a)
{
    long ndim;
    PyObject *t = view_source(a, &ndim);
    if (t == NULL || ndim > 2)
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *r = ndim == 2 ? PyObject_GetAttr(t, s_mT) : PyObject_CallMethodNoArgs(t, s_t);
    if (r == NULL)
        return NULL;
    return wrap_view(r, a);
}

/* join(arrays, axis): ``concatenate(arrays, axis)`` for a list of ndarrays of one dtype and one
 * number of dimensions (torch joins a 1-d empty tensor to any shape; NumPy refuses), which
 * torch.cat joins. */
static PyObject *
join(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyList_CheckExact(args[0]) || !PyLong_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "join(list, int)");
        return NULL;
    }
    PyObject *arrays = args[0], *axis = args[1];
    Py_ssize_t n = PyList_GET_SIZE(arrays);
    if (n == 0)
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *tensors = PyList_New(n);
    if (tensors == NULL)
        return NULL;
    PyObject *dt = NULL;
    long nd = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PyList_GET_ITEM(arrays, i);
        PyObject *t = Py_IS_TYPE(x, ndarray_type) ? SLOT(x, nd_t) : NULL;
        PyObject *xdt = t == NULL ? NULL : SLOT(x, nd_dt);
        if (xdt == NULL || (dt != NULL && xdt != dt)) {
            Py_DECREF(tensors);
            Py_RETURN_NOTIMPLEMENTED;
        }
        PyObject *xnd = PyObject_GetAttr(t, s_ndim);
        if (xnd == NULL) {
            Py_DECREF(tensors);
            return NULL;
        }
        long k = PyLong_AsLong(xnd);
        Py_DECREF(xnd);
        if ((k == -1 && PyErr_Occurred()) || (nd != -1 && k != nd)) {
            Py_DECREF(tensors);
            if (PyErr_Occurred())
                return NULL;
            Py_RETURN_NOTIMPLEMENTED;
        }
        dt = xdt;
        nd = k;
        Py_INCREF(t);
        PyList_SET_ITEM(tensors, i, t);
    }
    int nonzero = PyObject_IsTrue(axis);
    if (nonzero < 0) {
        Py_DECREF(tensors);
        return NULL;
    }
    PyObject *cargs[2] = {tensors, axis};
    PyObject *r = PyObject_Vectorcall(torch_cat, cargs, nonzero ? 2 : 1, NULL);  /* dim=: slow */
    Py_DECREF(tensors);
    if (r == NULL) {
        if (PyErr_ExceptionMatches(PyExc_RuntimeError)
                || PyErr_ExceptionMatches(PyExc_IndexError)) {
            PyErr_Clear();
            Py_RETURN_NOTIMPLEMENTED;
        }
        return NULL;
    }
    return wrap(r, dt, Py_False);
}

/* setup_views(torch.cat, readonly.inherit) */
static PyObject *
setup_views(PyObject *module, PyObject *args)
{
    if (!PyArg_ParseTuple(args, "OO", &torch_cat, &readonly_inherit))
        return NULL;
    Py_INCREF(torch_cat);
    Py_INCREF(readonly_inherit);
    if (intern(&s_view, "view")
            || intern(&s_mT, "mT") || intern(&s_t, "t"))
        return NULL;
    Py_RETURN_NONE;
}

/* ----- the ndarray's number and comparison slots ---------------------------------------------
 * ``a + b`` calls the type's nb_add slot. For a Python class that slot looks ``__add__`` up and
 * calls it, a Python frame (~0.2 us); ``install_slots`` points the slots straight at the fast
 * paths above. The class keeps its Python operators: Dynamo, explicit ``a.__add__(b)`` and the
 * subclasses (memmap) use them, and assigning one again resets its slot to CPython's lookup. A
 * slot is called for the reflected form too (``2.0 - a`` is nb_subtract(2.0, a)), which is the
 * same ufunc call. ``**`` (its third argument, bool ** 2) and divmod (two results) keep theirs.
 */
enum { ADD, SUB, MUL, TDIV, FDIV, MOD, AND, OR, XOR, LSHIFT, RSHIFT, MATMUL, NEG, POS, ABS, INV,
       LT, LE, EQ, NE, GT, GE, NSLOTS };
static const char *const slot_names[NSLOTS] = {
    "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__and__",
    "__or__", "__xor__", "__lshift__", "__rshift__", "__matmul__", "__neg__", "__pos__",
    "__abs__", "__invert__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
static PyObject *slot_ufuncs[NSLOTS];
static PyObject *s_array_ufunc;

/* Whether ``x``'s class sets ``__array_ufunc__ = None`` (NEP 13): then the operator returns
 * NotImplemented, as ufunc_call._defer makes the Python operators do. 1, 0 or -1. */
static int
refuses_ufuncs(PyObject *x)
{
    if (Py_IS_TYPE(x, ndarray_type) || PyFloat_CheckExact(x) || PyLong_CheckExact(x)
            || PyComplex_CheckExact(x) || PyBool_Check(x))
        return 0;
    PyObject *attr = PyObject_GetAttr((PyObject *)Py_TYPE(x), s_array_ufunc);
    if (attr == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return -1;
        PyErr_Clear();
        return 0;
    }
    Py_DECREF(attr);
    return attr == Py_None;
}

static PyObject *
binary_slot(int op, PyObject *v, PyObject *w)
{
    int refuses = refuses_ufuncs(v);      /* v: the other operand, or an ndarray subclass's */
    if (refuses == 0)
        refuses = refuses_ufuncs(w);
    if (refuses < 0)
        return NULL;
    if (refuses)
        Py_RETURN_NOTIMPLEMENTED;
    return binary(slot_ufuncs[op], v, w, HELD_BY_SLOT, 0);
}

static PyObject *
inplace_slot(int op, PyObject *v, PyObject *w)
{
    return inplace(slot_ufuncs[op], v, w);
}

#define BINARY_SLOTS(NAME, OP) \
    static PyObject *NAME(PyObject *v, PyObject *w) { return binary_slot(OP, v, w); } \
    static PyObject *NAME##_inplace(PyObject *v, PyObject *w) { return inplace_slot(OP, v, w); }
BINARY_SLOTS(slot_add, ADD)
BINARY_SLOTS(slot_sub, SUB)
BINARY_SLOTS(slot_mul, MUL)
BINARY_SLOTS(slot_tdiv, TDIV)
BINARY_SLOTS(slot_fdiv, FDIV)
BINARY_SLOTS(slot_mod, MOD)
BINARY_SLOTS(slot_and, AND)
BINARY_SLOTS(slot_or, OR)
BINARY_SLOTS(slot_xor, XOR)
BINARY_SLOTS(slot_lshift, LSHIFT)
BINARY_SLOTS(slot_rshift, RSHIFT)
BINARY_SLOTS(slot_matmul, MATMUL)

static PyObject *slot_neg(PyObject *x) { return unary(slot_ufuncs[NEG], x); }
static PyObject *slot_pos(PyObject *x) { return unary(slot_ufuncs[POS], x); }
static PyObject *slot_abs(PyObject *x) { return unary(slot_ufuncs[ABS], x); }
static PyObject *slot_inv(PyObject *x) { return unary(slot_ufuncs[INV], x); }

/* tp_richcompare(self, other, op): ``self`` is the ndarray whose slot Python calls (for
 * ``2 < a`` it calls a's with Py_GT), as it calls ``a.__gt__(2)``. */
static PyObject *
slot_compare(PyObject *self, PyObject *other, int op)
{
    static const int index[6] = {LT, LE, EQ, NE, GT, GE};    /* Py_LT .. Py_GE */
    if (op < 0 || op > 5) {
        PyErr_BadInternalCall();
        return NULL;
    }
    int refuses = refuses_ufuncs(other);
    if (refuses < 0)
        return NULL;
    if (refuses)
        Py_RETURN_NOTIMPLEMENTED;
    return binary(slot_ufuncs[index[op]], self, other, HELD_BY_SLOT, 0);
}

static PyObject *
install_slots(PyObject *module, PyObject *ufuncs)
{
    if (!PyDict_Check(ufuncs)) {
        PyErr_SetString(PyExc_TypeError, "install_slots({'__add__': ufunc, ...})");
        return NULL;
    }
    PyTypeObject *type = ndarray_type;
    if (type == NULL || !(type->tp_flags & Py_TPFLAGS_HEAPTYPE) || type->tp_as_number == NULL) {
        PyErr_SetString(PyExc_TypeError, "install_slots: call setup first");
        return NULL;
    }
    if (intern(&s_array_ufunc, "__array_ufunc__"))
        return NULL;
    for (int i = 0; i < NSLOTS; i++) {
        PyObject *uf = PyDict_GetItemString(ufuncs, slot_names[i]);
        if (uf == NULL) {
            PyErr_Format(PyExc_KeyError, "install_slots: no ufunc for %s", slot_names[i]);
            return NULL;
        }
        Py_INCREF(uf);
        Py_XSETREF(slot_ufuncs[i], uf);
    }
    PyNumberMethods *nb = type->tp_as_number;
    nb->nb_add = slot_add;
    nb->nb_inplace_add = slot_add_inplace;
    nb->nb_subtract = slot_sub;
    nb->nb_inplace_subtract = slot_sub_inplace;
    nb->nb_multiply = slot_mul;
    nb->nb_inplace_multiply = slot_mul_inplace;
    nb->nb_true_divide = slot_tdiv;
    nb->nb_inplace_true_divide = slot_tdiv_inplace;
    nb->nb_floor_divide = slot_fdiv;
    nb->nb_inplace_floor_divide = slot_fdiv_inplace;
    nb->nb_remainder = slot_mod;
    nb->nb_inplace_remainder = slot_mod_inplace;
    nb->nb_and = slot_and;
    nb->nb_inplace_and = slot_and_inplace;
    nb->nb_or = slot_or;
    nb->nb_inplace_or = slot_or_inplace;
    nb->nb_xor = slot_xor;
    nb->nb_inplace_xor = slot_xor_inplace;
    nb->nb_lshift = slot_lshift;
    nb->nb_inplace_lshift = slot_lshift_inplace;
    nb->nb_rshift = slot_rshift;
    nb->nb_inplace_rshift = slot_rshift_inplace;
    nb->nb_matrix_multiply = slot_matmul;
    nb->nb_inplace_matrix_multiply = slot_matmul_inplace;
    nb->nb_negative = slot_neg;
    nb->nb_positive = slot_pos;
    nb->nb_absolute = slot_abs;
    nb->nb_invert = slot_inv;
    type->tp_richcompare = slot_compare;
    PyType_Modified(type);
    Py_RETURN_NONE;
}

/* ----- the ufunc class's call slot -----------------------------------------------------------
 * ``np.add(a, b)`` calls the ufunc class's tp_call, which for a Python class looks ``__call__``
 * up and runs it. ``install_call`` points tp_call at the fast paths for one or two positional
 * operands (NumPy's ufunc calls never elide temporaries: NO_ELISION) and hands every other call
 * to the Python ``__call__``, which Dynamo also traces.
 */
#define NO_ELISION (-1)
static PyTypeObject *ufunc_type;
static PyObject *ufunc_python_call, *s_nin;

static PyObject *
ufunc_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if ((kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) && (n == 1 || n == 2)
            && Py_IS_TYPE(self, ufunc_type)) {
        PyObject *nin = PyObject_GetAttr(self, s_nin);
        if (nin == NULL)
            return NULL;
        long k = PyLong_AsLong(nin);
        Py_DECREF(nin);
        if (k == -1 && PyErr_Occurred())
            return NULL;
        if (n == 2 && k == 2)
            return binary(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1),
                          NO_ELISION, 0);
        if (n == 1 && k == 1)
            return unary(self, PyTuple_GET_ITEM(args, 0));
    }
    PyObject *full = PyTuple_New(n + 1);          /* (self, *args) for the Python __call__ */
    if (full == NULL)
        return NULL;
    Py_INCREF(self);
    PyTuple_SET_ITEM(full, 0, self);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PyTuple_GET_ITEM(args, i);
        Py_INCREF(x);
        PyTuple_SET_ITEM(full, i + 1, x);
    }
    PyObject *res = PyObject_Call(ufunc_python_call, full, kwargs);
    Py_DECREF(full);
    return res;
}

static PyObject *
install_call(PyObject *module, PyObject *type)
{
    if (!PyType_Check(type) || !(((PyTypeObject *)type)->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_SetString(PyExc_TypeError, "install_call(ufunc class)");
        return NULL;
    }
    PyObject *call = PyDict_GetItemString(((PyTypeObject *)type)->tp_dict, "__call__");
    if (call == NULL || !PyFunction_Check(call)) {
        PyErr_SetString(PyExc_TypeError, "install_call: the class defines no __call__");
        return NULL;
    }
    if (intern(&s_nin, "nin"))
        return NULL;
    Py_INCREF(call);
    Py_XSETREF(ufunc_python_call, call);
    Py_INCREF(type);
    Py_XSETREF(ufunc_type, (PyTypeObject *)type);
    ufunc_type->tp_call = ufunc_call;
    PyType_Modified(ufunc_type);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"setup", setup, METH_VARARGS,
     "setup(ndarray, Loop, ScalarLoop, config, readonly, general_call, elision_binary, "
     "elide, elide_min_bytes, Tensor): the classes and modules the fast paths read."},
    {"call2", (PyCFunction)(void (*)(void))call2, METH_FASTCALL, "ufunc._call2(uf, x1, x2)"},
    {"call1", (PyCFunction)(void (*)(void))call1, METH_FASTCALL, "ufunc._call1(uf, x)"},
    {"inplace2", (PyCFunction)(void (*)(void))inplace2, METH_FASTCALL,
     "ufunc._inplace2(uf, x1, x2)"},
    {"setup_views", setup_views, METH_VARARGS,
     "setup_views(torch.cat, readonly.inherit): what the view and join functions call."},
    {"reshape_view", (PyCFunction)(void (*)(void))reshape_view, METH_FASTCALL,
     "reshape_view(a, shape): a.reshape(*shape) where torch can view it, or NotImplemented."},
    {"transpose_view", transpose_view, METH_O, "transpose_view(a): a.T up to 2-d, or NotImplemented."},
    {"join", (PyCFunction)(void (*)(void))join, METH_FASTCALL,
     "join(arrays, axis): concatenate a list of ndarrays of one dtype and ndim, or NotImplemented."},
    {"install_call", install_call, METH_O,
     "install_call(ufunc): calls with one or two operands take the fast paths."},
    {"install_slots", install_slots, METH_O,
     "install_slots({'__add__': ufunc, ...}): the ndarray's operator slots call the fast paths "
     "(ufunc by the name of the operator's forward method)."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT, "torchnp._core._speedups",
    "The ufunc fast paths in C (see the comment at the top of _speedups.c).", -1, methods
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&speedups_module);
}

"""NumPy's exception and warning classes. They are NumPy's own objects, so code that catches
``numpy.exceptions.AxisError`` or ``numpy.linalg.LinAlgError`` catches torchnp's too."""
import numpy

AxisError = numpy.exceptions.AxisError
ComplexWarning = numpy.exceptions.ComplexWarning
DTypePromotionError = numpy.exceptions.DTypePromotionError
ModuleDeprecationWarning = numpy.exceptions.ModuleDeprecationWarning
RankWarning = numpy.exceptions.RankWarning
TooHardError = numpy.exceptions.TooHardError
VisibleDeprecationWarning = numpy.exceptions.VisibleDeprecationWarning
LinAlgError = numpy.linalg.LinAlgError

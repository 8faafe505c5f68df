/* The numbers an answer shows, rounded and formatted exactly as Python's round(x, n) and
   "%.nf" % x do, without their decimal conversion in the usual case; and the list of named
   numbers an explanation shows, in one call.

   Every candidate of every answer shows a dozen rounded features and an explanation that
   formats them: Python's round() and "%.2f" convert each float to a correctly rounded
   decimal string and back, which was a tenth of a query's instructions.

   Both round the exact binary value of x to n decimals, ties to even. Here: y = x * 10^n in
   floating point is within half an ulp of the exact product, so unless y is within 1e-6 of a
   tie (x.5) the nearest integer k of y is the nearest integer of the exact product. Then
   k / 10^n (both exact, the division correctly rounded) is the double round() returns, and
   k's digits are the ones "%.nf" prints. Near a tie, for |y| >= 2^31, for NaN, infinities
   and anything but a float, Python itself is asked. tests/resolvers/test_display.py checks
   both against Python on random floats and on ties. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <string.h>

#define MAX_DIGITS 9 /* 10^9 * 2^31 still fits a long long */

static const double POWERS[MAX_DIGITS + 1] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

/* 1 and *k = round-half-even(x * 10^digits) when no tie is within reach, else 0. */
static int scaled_round(PyObject *item, int digits, double *k) {
    if (!PyFloat_CheckExact(item) || digits < 0 || digits > MAX_DIGITS) return 0;
    double y = PyFloat_AS_DOUBLE(item) * POWERS[digits];
    if (!(fabs(y) < 2147483648.0)) return 0; /* also NaN */
    double floor_y = floor(y), frac = y - floor_y;
    if (fabs(frac - 0.5) <= 1e-6) return 0;
    *k = frac < 0.5 ? floor_y : floor_y + 1.0;
    return 1;
}

static PyObject *builtin_round; /* Python's round(), for what the fast path leaves */

static PyObject *rounded_one(PyObject *item, int digits, PyObject *ndigits) {
    double k;
    if (!scaled_round(item, digits, &k)) return PyObject_CallFunctionObjArgs(builtin_round, item, ndigits, NULL);
    double r = k / POWERS[digits];
    return PyFloat_FromDouble(r == 0.0 ? copysign(0.0, PyFloat_AS_DOUBLE(item)) : r);
}

static PyObject *fixed_one(PyObject *item, int digits, PyObject *format) {
    double k;
    if (!scaled_round(item, digits, &k)) {
        PyObject *one = PyTuple_Pack(1, item);
        PyObject *text = one ? PyUnicode_Format(format, one) : NULL;
        Py_XDECREF(one);
        return text;
    }
    long long units = llabs((long long)k);
    char text[32], *end = text + sizeof text, *p = end; /* written backwards */
    for (int d = 0; d < digits; d++, units /= 10) *--p = (char)('0' + units % 10);
    if (digits) *--p = '.';
    do *--p = (char)('0' + units % 10); while (units /= 10);
    /* "%.nf" keeps the sign of a negative number that rounds to zero ("-0.00"). */
    if (signbit(PyFloat_AS_DOUBLE(item))) *--p = '-';
    return PyUnicode_FromStringAndSize(p, end - p);
}

/* f(each of `values`, digits) as a tuple; `extra` is what f passes on to Python. */
static PyObject *map_values(PyObject *values, int digits, PyObject *(*f)(PyObject *, int, PyObject *),
                            PyObject *extra) {
    PyObject *seq = PySequence_Fast(values, "values must be a sequence of numbers");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *out = PyTuple_New(n);
    for (Py_ssize_t i = 0; out && i < n; i++) {
        PyObject *item = f(PySequence_Fast_GET_ITEM(seq, i), digits, extra);
        if (!item) { Py_CLEAR(out); break; }
        PyTuple_SET_ITEM(out, i, item);
    }
    Py_DECREF(seq);
    return out;
}

/* A growing UTF-8 text. */
typedef struct {
    char *s;
    Py_ssize_t n, room;
} Text;

static int text_add(Text *t, const char *s, Py_ssize_t n) {
    if (t->n + n > t->room) {
        Py_ssize_t room = (t->n + n) * 2 + 64;
        char *more = PyMem_Realloc(t->s, (size_t)room);
        if (!more) {
            PyErr_NoMemory();
            return -1;
        }
        t->s = more;
        t->room = room;
    }
    memcpy(t->s + t->n, s, (size_t)n);
    t->n += n;
    return 0;
}

static int text_add_str(Text *t, PyObject *str) {
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(str, &n);
    return s ? text_add(t, s, n) : -1;
}

static PyObject *display_listed(PyObject *module, PyObject *args) {
    PyObject *mapping;
    int digits;
    if (!PyArg_ParseTuple(args, "O!i:listed", &PyDict_Type, &mapping, &digits)) return NULL;
    if (digits < 0 || digits > MAX_DIGITS) return PyErr_Format(PyExc_ValueError, "digits must be 0..%d", MAX_DIGITS);
    PyObject *format = PyUnicode_FromFormat("%%.%df", digits), *key, *value, *out = NULL;
    if (!format) return NULL;
    Text text = {NULL, 0, 0};
    Py_ssize_t pos = 0;
    int first = 1;
    while (PyDict_Next(mapping, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_Format(PyExc_TypeError, "names must be str, not %.100s", Py_TYPE(key)->tp_name);
            goto done;
        }
        Py_INCREF(key); /* borrowed from the dict, which Python's formatting could change */
        Py_INCREF(value);
        PyObject *shown = fixed_one(value, digits, format);
        int failed = !shown || (!first && text_add(&text, ", ", 2) < 0) || text_add_str(&text, key) < 0
                     || text_add(&text, "=", 1) < 0 || text_add_str(&text, shown) < 0;
        Py_XDECREF(shown);
        Py_DECREF(key);
        Py_DECREF(value);
        if (failed) goto done;
        first = 0;
    }
    out = PyUnicode_DecodeUTF8(text.s ? text.s : "", text.n, "strict");
done:
    PyMem_Free(text.s);
    Py_DECREF(format);
    return out;
}

static PyObject *display_rounded(PyObject *module, PyObject *args) {
    PyObject *values, *ndigits;
    int digits;
    if (!PyArg_ParseTuple(args, "OO!:rounded", &values, &PyLong_Type, &ndigits)) return NULL;
    int overflow;
    long asked = PyLong_AsLongAndOverflow(ndigits, &overflow);
    if (asked == -1 && PyErr_Occurred()) return NULL;
    digits = overflow || asked < 0 || asked > MAX_DIGITS ? -1 : (int)asked; /* -1: Python rounds */
    return map_values(values, digits, rounded_one, ndigits);
}

static PyObject *display_fixed(PyObject *module, PyObject *args) {
    PyObject *values;
    int digits;
    if (!PyArg_ParseTuple(args, "Oi:fixed", &values, &digits)) return NULL;
    if (digits < 0 || digits > MAX_DIGITS) return PyErr_Format(PyExc_ValueError, "digits must be 0..%d", MAX_DIGITS);
    PyObject *format = PyUnicode_FromFormat("%%.%df", digits);
    if (!format) return NULL;
    PyObject *out = map_values(values, digits, fixed_one, format);
    Py_DECREF(format);
    return out;
}

static PyMethodDef methods[] = {
    {"rounded", display_rounded, METH_VARARGS, "rounded(values, ndigits) -> tuple(round(v, ndigits) for v in values)."},
    {"fixed", display_fixed, METH_VARARGS, "fixed(values, digits) -> tuple('%.{digits}f' % v for v in values)."},
    {"listed", display_listed, METH_VARARGS,
     "listed(mapping, digits) -> ', '.join(f'{name}={value:.{digits}f}' for name, value in mapping.items())."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_display", "Rounding and formatting the numbers of an answer (as Python does).", -1,
    methods,
};

PyMODINIT_FUNC PyInit__display(void) {
    PyObject *builtins = PyImport_ImportModule("builtins");
    if (!builtins) return NULL;
    builtin_round = PyObject_GetAttrString(builtins, "round");
    Py_DECREF(builtins);
    if (!builtin_round) return NULL;
    return PyModule_Create(&module_def);
}

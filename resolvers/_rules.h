/* The numbers and tables of the matching rules are defined in resolvers/rules.py, once:
   the C modules read them from it when they are imported, and keep no copy of their own
   (an import fails if one is missing or of the wrong type). */

#ifndef ROLLCALL_RULES_H
#define ROLLCALL_RULES_H

#define RULES_MODULE "rollcall.resolvers.rules"

/* A number of rules.py: a float (real) or an int (integer), the other NULL. */
typedef struct {
    const char *name;
    double *real;
    Py_ssize_t *integer;
} RuleNumber;

/* Sets each of `numbers` (ended by a NULL name) from rules.py; -1 with an exception set on
   failure. */
static int load_rule_numbers(PyObject *rules, const RuleNumber *numbers) {
    for (; numbers->name; numbers++) {
        PyObject *value = PyObject_GetAttrString(rules, numbers->name);
        if (!value) return -1;
        if (numbers->real) *numbers->real = PyFloat_AsDouble(value);
        else *numbers->integer = PyLong_AsSsize_t(value);
        Py_DECREF(value);
        if (PyErr_Occurred()) return -1;
    }
    return 0;
}

#endif

/* The keys of a romanised token (resolvers/keys.py says what they are for), in C: every new
   word of every query needs all four, and as regular expressions they were a tenth of the
   time of a query in a script the server had not seen words of.

   Each step is one substitution of the Python statement of the rules (keys_py.py, with the
   tables of rules.py, which this module reads when imported), applied the way Python's
   re.sub applies it: scanning left to right, at each position the first alternative that
   matches, matches never overlapping, lookbehind and lookahead reading the string as it was
   before the substitution. tests/resolvers/test_keys.py checks the keys against keys_py.py
   on every word of the shared gazetteers and on random strings. The stored name index holds
   these keys: a change to them bumps readings_codec.INDEX_VERSION. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#include "_rules.h"

typedef struct {
    const char *from, *to;
} Rule;

/* The tables and letter sets of the rules, read from resolvers/rules.py (which says what
   each is for) when the module is imported; each table ends with a NULL `from`. */
static Rule *DIGRAPHS, *LETTERS, *ENDINGS, *CLASS_DIGRAPHS, *CLASS_LETTERS;
static char *GLIDE_BEFORE, *SKELETON_VOWELS, *R_VOWELS;
static Py_ssize_t ENDING_MIN_STEM;

typedef struct {
    Py_UCS4 *s;
    Py_ssize_t n;
} Text;

static int is_one_of(Py_UCS4 c, const char *set) {
    for (; *set; set++)
        if (c == (Py_UCS4)(unsigned char)*set) return 1;
    return 0;
}

static int starts_with(const Py_UCS4 *s, Py_ssize_t n, const char *prefix) {
    Py_ssize_t k = 0;
    for (; prefix[k]; k++)
        if (k >= n || s[k] != (Py_UCS4)(unsigned char)prefix[k]) return 0;
    return 1;
}

/* Each position: the first rule whose `from` starts there is replaced by its `to`. `out`
   has room for twice the input (no `to` is longer than twice its `from`). */
static Text substitute(Text in, const Rule *rules, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t p = 0; p < in.n;) {
        const Rule *r = rules;
        while (r->from && !starts_with(in.s + p, in.n - p, r->from)) r++;
        if (!r->from) {
            out[n++] = in.s[p++];
            continue;
        }
        for (const char *t = r->to; *t; t++) out[n++] = (Py_UCS4)(unsigned char)*t;
        p += (Py_ssize_t)strlen(r->from);
    }
    Text text = {out, n};
    return text;
}

/* (.)\1+ → \1: runs of one character collapsed (not of newlines, which "." does not match). */
static Text without_doubles(Text in, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t p = 0; p < in.n; p++)
        if (!n || in.s[p] != out[n - 1] || in.s[p] == '\n') out[n++] = in.s[p];
    Text text = {out, n};
    return text;
}

/* i[jy](?=[GLIDE_BEFORE]) → i: Russian ия, ие, ию spelled "iya", "ija", "ia". */
static Text without_glides(Text in, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t p = 0; p < in.n;) {
        if (in.s[p] == 'i' && p + 2 < in.n && (in.s[p + 1] == 'j' || in.s[p + 1] == 'y') && is_one_of(in.s[p + 2], GLIDE_BEFORE)) {
            out[n++] = 'i';
            p += 2;
        } else {
            out[n++] = in.s[p++];
        }
    }
    Text text = {out, n};
    return text;
}

/* (?<=[R_VOWELS])r+(?=[^R_VOWELS]|$) → "": an r after a vowel and before a consonant or
   the end. A run of r before a vowel loses all but its last r (the regex backtracks). */
static Text without_postvocalic_r(Text in, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t p = 0; p < in.n;) {
        if (in.s[p] == 'r' && p > 0 && is_one_of(in.s[p - 1], R_VOWELS)) {
            Py_ssize_t end = p;
            while (end < in.n && in.s[end] == 'r') end++;
            if (end == in.n || !is_one_of(in.s[end], R_VOWELS)) {
                p = end;
                continue;
            }
            if (end - p >= 2) {
                p = end - 1;
                continue;
            }
        }
        out[n++] = in.s[p++];
    }
    Text text = {out, n};
    return text;
}

/* m(?=[bp]) → n. */
static Text nasal_before_labial(Text in, Py_UCS4 *out) {
    for (Py_ssize_t p = 0; p < in.n; p++)
        out[p] = in.s[p] == 'm' && p + 1 < in.n && (in.s[p + 1] == 'b' || in.s[p + 1] == 'p') ? 'n' : in.s[p];
    Text text = {out, in.n};
    return text;
}

/* Two buffers of room for 2n + 1 characters each, used in turn by the steps. */
typedef struct {
    Py_UCS4 *a, *b;
} Buffers;

static int buffers_new(Buffers *buf, Py_ssize_t n) {
    buf->a = PyMem_Malloc((size_t)(2 * n + 1) * 2 * sizeof(Py_UCS4));
    buf->b = buf->a ? buf->a + 2 * n + 1 : NULL;
    return buf->a ? 0 : -1;
}

static Text phonetic(Text token, Buffers *buf) {
    Text key = without_glides(token, buf->a);
    key = substitute(key, DIGRAPHS, buf->b);
    key = substitute(key, LETTERS, buf->a);
    for (const Rule *r = ENDINGS; r->from; r++) {
        Py_ssize_t len = (Py_ssize_t)strlen(r->from);
        if (key.n > len + ENDING_MIN_STEM && starts_with(key.s + key.n - len, len, r->from)) {
            key.n -= len;
            for (const char *t = r->to; *t; t++) key.s[key.n++] = (Py_UCS4)(unsigned char)*t;
            break;
        }
    }
    return without_doubles(key, buf->b);
}

/* The phonetic key's first letter, then its letters but SKELETON_VOWELS. */
static Text skeleton(Text key, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t p = 0; p < key.n; p++)
        if (p == 0 || !is_one_of(key.s[p], SKELETON_VOWELS)) out[n++] = key.s[p];
    Text text = {out, n};
    return text;
}

static Text classes(Text token, int keep_r, Buffers *buf) {
    Text key = keep_r ? token : without_postvocalic_r(token, buf->b);
    key = nasal_before_labial(key, buf->a);
    key = substitute(key, CLASS_DIGRAPHS, buf->b);
    key = substitute(key, CLASS_LETTERS, buf->a);
    return without_doubles(key, buf->b);
}

static PyObject *as_str(Text text) { return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, text.s, text.n); }

/* The token as UCS-4 (freed by the caller) and buffers for its keys. */
static int prepare(PyObject *token, Text *text, Buffers *buf) {
    text->s = PyUnicode_AsUCS4Copy(token);
    if (!text->s) return -1;
    text->n = PyUnicode_GET_LENGTH(token);
    if (buffers_new(buf, text->n) < 0) {
        PyMem_Free(text->s);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void release(Text *text, Buffers *buf) {
    PyMem_Free(text->s);
    PyMem_Free(buf->a);
}

static PyObject *keys_token_keys(PyObject *module, PyObject *token) {
    if (!PyUnicode_Check(token)) return PyErr_Format(PyExc_TypeError, "token must be str, not %.100s", Py_TYPE(token)->tp_name);
    Text text;
    Buffers buf;
    if (prepare(token, &text, &buf) < 0) return NULL;
    Text key = phonetic(text, &buf);
    PyObject *phonetic_str = as_str(key);
    PyObject *skeleton_str = phonetic_str ? as_str(skeleton(key, buf.a)) : NULL;
    PyObject *class_str = skeleton_str ? as_str(classes(text, 0, &buf)) : NULL;
    PyObject *class_r_str = class_str ? as_str(classes(text, 1, &buf)) : NULL;
    release(&text, &buf);
    if (!class_r_str) {
        Py_XDECREF(phonetic_str);
        Py_XDECREF(skeleton_str);
        Py_XDECREF(class_str);
        return NULL;
    }
    return Py_BuildValue("(NNNN)", phonetic_str, skeleton_str, class_str, class_r_str);
}

static PyMethodDef methods[] = {
    {"token_keys", keys_token_keys, METH_O,
     "token_keys(token) -> (phonetic_key, skeleton_key, class_key, class_key with every r kept)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_keys", "The keys of a romanised token, in C (see keys.py).", -1, methods,
};

/* An ASCII string of rules.py, copied (kept for the life of the process); NULL on error. */
static char *ascii_copy(PyObject *text, const char *what) {
    Py_ssize_t n;
    const char *s = PyUnicode_Check(text) ? PyUnicode_AsUTF8AndSize(text, &n) : NULL;
    if (!s || (Py_ssize_t)strlen(s) != n || !PyUnicode_IS_ASCII(text)) {
        if (!PyErr_Occurred()) PyErr_Format(PyExc_ImportError, "rules.%s: expected ASCII strings", what);
        return NULL;
    }
    char *copy = PyMem_Malloc((size_t)n + 1);
    if (!copy) return (char *)PyErr_NoMemory();
    memcpy(copy, s, (size_t)n + 1);
    return copy;
}

/* A table of rules.py: a tuple of (from, to) pairs, `from` not empty and `to` at most
   `growth` times as long. The buffers have room for twice the token: only one step of each
   key (the class digraphs: x → ks) may lengthen it, to at most twice. */
static Rule *load_table(PyObject *rules, const char *name, Py_ssize_t growth) {
    PyObject *table = PyObject_GetAttrString(rules, name);
    if (!table) return NULL;
    Rule *out = NULL;
    if (!PyTuple_Check(table)) {
        PyErr_Format(PyExc_ImportError, "rules.%s must be a tuple of (from, to) pairs", name);
        goto done;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(table);
    out = PyMem_Calloc((size_t)n + 1, sizeof(Rule));
    if (!out) { PyErr_NoMemory(); goto done; }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *pair = PyTuple_GET_ITEM(table, k);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_ImportError, "rules.%s must be a tuple of (from, to) pairs", name);
            out = NULL; /* the copies made so far are kept: an import that fails once */
            goto done;
        }
        char *from = ascii_copy(PyTuple_GET_ITEM(pair, 0), name);
        char *to = from ? ascii_copy(PyTuple_GET_ITEM(pair, 1), name) : NULL;
        if (!to) { out = NULL; goto done; }
        if (!*from || strlen(to) > (size_t)growth * strlen(from)) {
            PyErr_Format(PyExc_ImportError, "rules.%s: '%s' -> '%s' is not a rule these buffers hold", name, from, to);
            out = NULL;
            goto done;
        }
        out[k].from = from;
        out[k].to = to;
    }
done:
    Py_DECREF(table);
    return out;
}

static char *load_letters(PyObject *rules, const char *name) {
    PyObject *letters = PyObject_GetAttrString(rules, name);
    if (!letters) return NULL;
    char *out = ascii_copy(letters, name);
    Py_DECREF(letters);
    return out;
}

PyMODINIT_FUNC PyInit__keys(void) {
    static const RuleNumber numbers[] = {{"ENDING_MIN_STEM", NULL, &ENDING_MIN_STEM}, {NULL, NULL, NULL}};
    PyObject *rules = PyImport_ImportModule(RULES_MODULE);
    if (!rules) return NULL;
    int ok = (DIGRAPHS = load_table(rules, "DIGRAPHS", 1)) && (LETTERS = load_table(rules, "LETTERS", 1))
             && (ENDINGS = load_table(rules, "ENDINGS", 1)) && (CLASS_DIGRAPHS = load_table(rules, "CLASS_DIGRAPHS", 2))
             && (CLASS_LETTERS = load_table(rules, "CLASS_LETTERS", 1))
             && (GLIDE_BEFORE = load_letters(rules, "GLIDE_BEFORE"))
             && (SKELETON_VOWELS = load_letters(rules, "SKELETON_VOWELS"))
             && (R_VOWELS = load_letters(rules, "R_VOWELS")) && load_rule_numbers(rules, numbers) == 0;
    Py_DECREF(rules);
    return ok ? PyModule_Create(&module_def) : NULL;
}

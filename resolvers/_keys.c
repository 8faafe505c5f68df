/* The keys of a romanised token (resolvers/keys.py says what they are for), in C: every new
   word of every query needs all four, and as regular expressions they were a tenth of the
   time of a query in a script the server had not seen words of.

   Each step is one substitution of keys.py's statement of the rules, applied the way
   Python's re.sub applies it: scanning left to right, at each position the first
   alternative that matches, matches never overlapping, lookbehind and lookahead reading the
   string as it was before the substitution. tests/resolvers/test_keys.py checks the keys
   against that statement (tests/resolvers/keys_reference.py) on every word of the shared
   gazetteers and on random strings. The stored name index holds these keys: this file is
   part of its fingerprint (gazetteer/index_store.py). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    const char *from, *to;
} Rule;

/* phonetic_key: longest first, "tsch" must win over "sch" and "ch". */
static const Rule DIGRAPHS[] = {
    {"dsch", "j"}, {"tsch", "c"}, {"shch", "s"}, {"dzh", "j"}, {"sch", "s"}, {"tch", "c"},
    {"dj", "j"},   {"zh", "j"},   {"ch", "c"},   {"sh", "s"},  {"kh", "h"},  {"gh", "g"},
    {"ph", "f"},   {"th", "t"},   {"ts", "c"},   {"tz", "c"},  {"ck", "k"},  {"ou", "u"},
    {"oo", "u"},   {"ee", "i"},   {"iy", "i"},   {"yi", "i"},  {"ie", "i"},  {NULL, NULL},
};
/* After the digraphs: w→v, y→j, x→h, q→k, z→s. */
static const Rule LETTERS[] = {{"w", "v"}, {"y", "j"}, {"x", "h"}, {"q", "k"}, {"z", "s"}, {NULL, NULL}};
/* The first that ends a key longer than it by more than two letters is replaced. */
static const Rule ENDINGS[] = {{"off", "ov"}, {"ow", "ov"}, {"ev", "ov"}, {"ew", "ov"}, {"jev", "ov"}, {NULL, NULL}};

/* class_key: in this order (as keys.py lists them). */
static const Rule CLASS_DIGRAPHS[] = {
    {"dzh", "s"}, {"tsch", "s"}, {"sch", "s"}, {"shch", "s"}, {"zh", "s"}, {"sh", "s"},
    {"ch", "s"},  {"ts", "s"},   {"tz", "s"},  {"dz", "s"},   {"kh", ""},  {"gh", ""},
    {"ph", "p"},  {"th", "t"},   {"ng", "n"},  {"ck", "k"},   {"qu", "k"}, {"x", "ks"},
    {NULL, NULL},
};
/* Then each letter to its class; vowels, h, w and y dropped. */
static const Rule CLASS_LETTERS[] = {
    {"b", "p"}, {"f", "p"}, {"v", "p"}, {"d", "t"}, {"g", "k"}, {"c", "k"}, {"q", "k"},
    {"z", "s"}, {"j", "s"}, {"l", "r"}, {"a", ""},  {"e", ""},  {"i", ""},  {"o", ""},
    {"u", ""},  {"y", ""},  {"h", ""},  {"w", ""},  {NULL, NULL},
};

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

/* i[jy](?=[aeou]) → i: Russian ия, ие, ию spelled "iya", "ija", "ia". */
static Text without_glides(Text in, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t p = 0; p < in.n;) {
        if (in.s[p] == 'i' && p + 2 < in.n && (in.s[p + 1] == 'j' || in.s[p + 1] == 'y') && is_one_of(in.s[p + 2], "aeou")) {
            out[n++] = 'i';
            p += 2;
        } else {
            out[n++] = in.s[p++];
        }
    }
    Text text = {out, n};
    return text;
}

/* (?<=[aeiouy])r+(?=[^aeiouy]|$) → "": an r after a vowel and before a consonant or the
   end. A run of r before a vowel loses all but its last r (the regex backtracks). */
static Text without_postvocalic_r(Text in, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t p = 0; p < in.n;) {
        if (in.s[p] == 'r' && p > 0 && is_one_of(in.s[p - 1], "aeiouy")) {
            Py_ssize_t end = p;
            while (end < in.n && in.s[end] == 'r') end++;
            if (end == in.n || !is_one_of(in.s[end], "aeiouy")) {
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
        if (key.n > len + 2 && starts_with(key.s + key.n - len, len, r->from)) {
            key.n -= len;
            for (const char *t = r->to; *t; t++) key.s[key.n++] = (Py_UCS4)(unsigned char)*t;
            break;
        }
    }
    return without_doubles(key, buf->b);
}

/* The phonetic key's first letter, then its consonants (j counts as a vowel). */
static Text skeleton(Text key, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t p = 0; p < key.n; p++)
        if (p == 0 || !is_one_of(key.s[p], "aeiouj")) out[n++] = key.s[p];
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

PyMODINIT_FUNC PyInit__keys(void) { return PyModule_Create(&module_def); }

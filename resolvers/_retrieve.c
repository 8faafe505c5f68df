/* Retrieval's counting (resolvers/index.py NameIndex.retrieve), in C.

   A query looks up its keys' posting lists (the aliases filed under each key) and keeps
   the aliases that share the most and rarest of them: the plan (which keys, rarest first,
   each counted up to four times, within a budget of postings), the counting, and the
   ranking of the best counted by count over the square root of their number of keys.
   A warm server holds every posting list and retrieves in one call (retrieve_held); a
   large gazetteer's index reads the planned lists first (retrieval_plan, top_aliases).

   The scratch memory kept from call to call (the counting table) is used by one call at a
   time without a lock because every function here holds the GIL from start to end.

   tests/resolvers/test_retrieve.py checks every function against resolvers/retrieve_py.py,
   the same rules in Python, on the dev names' real plans and on random ones. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "_rules.h"
#include "_topk.h"

/* How many more times than once a rare key is counted, at most (resolvers/rules.py). */
static Py_ssize_t MAX_EXTRA_COUNTS;
static const RuleNumber RULE_NUMBERS[] = {{"MAX_EXTRA_COUNTS", NULL, &MAX_EXTRA_COUNTS}, {NULL, NULL, NULL}};

/* -- counting postings ---------------------------------------------------------------- */

typedef struct {
    unsigned int alias;
    Py_ssize_t count;
} Counted;

typedef struct {
    double score;
    Py_ssize_t rank;
    unsigned int alias;
} Ranked;

/* Ascending on (score, rank). */
static inline int ranked_before(const Ranked *p, const Ranked *r) {
    return p->score < r->score || (p->score == r->score && p->rank < r->rank);
}

TOP_K(insert_ranked, Ranked, ranked_before)

/* Scratch memory of top_aliases, kept from one call to the next: the counting table of a
   query of COUNT_BUDGET postings is half a megabyte, which allocating and zeroing for every
   query cost more than the counting. A slot is in use in this call only if it carries this
   call's stamp, so nothing is zeroed. One call at a time uses it: this module's functions
   hold the GIL throughout and call no Python code while counting. */
static struct {
    uint32_t *stamps;    /* per slot: the call that filled it */
    uint32_t *positions; /* per slot: the alias's position in `counted` */
    size_t capacity;     /* slots */
    Counted *counted;    /* the aliases counted, in the order first counted */
    size_t counted_size;
    uint32_t stamp;      /* this call's */
} scratch;

/* Room for `capacity` slots and `entries` counted aliases, and a new stamp; -1 on no memory. */
static int scratch_reserve(size_t capacity, size_t entries) {
    if (capacity > scratch.capacity) {
        uint32_t *stamps = PyMem_Calloc(capacity, sizeof(uint32_t));
        uint32_t *positions = PyMem_Malloc(capacity * sizeof(uint32_t));
        if (!stamps || !positions) {
            PyMem_Free(stamps);
            PyMem_Free(positions);
            return -1;
        }
        PyMem_Free(scratch.stamps);
        PyMem_Free(scratch.positions);
        scratch.stamps = stamps;
        scratch.positions = positions;
        scratch.capacity = capacity;
        scratch.stamp = 0;
    }
    if (entries > scratch.counted_size) {
        Counted *counted = PyMem_Malloc(entries * sizeof(Counted));
        if (!counted) return -1;
        PyMem_Free(scratch.counted);
        scratch.counted = counted;
        scratch.counted_size = entries;
    }
    if (++scratch.stamp == 0) { /* after 2^32 calls: clear the old stamps, once */
        memset(scratch.stamps, 0, scratch.capacity * sizeof(uint32_t));
        scratch.stamp = 1;
    }
    return 0;
}

/* The `limit` best of the aliases counted over `lists` (each list counted `repeats[k]`
   times): the `shortlist` most counted (ties: first counted first), ranked by count over
   the square root of the alias's number of keys (ties: the shortlist order). Fills `out`,
   returns how many, or -1 on no memory. */
static Py_ssize_t top_aliases(const unsigned int **lists, const Py_ssize_t *sizes, const Py_ssize_t *repeats,
                              Py_ssize_t n_lists, const unsigned short *key_counts, Py_ssize_t n_aliases,
                              Py_ssize_t shortlist, Py_ssize_t limit, unsigned int *out) {
    Py_ssize_t total = 0;
    for (Py_ssize_t k = 0; k < n_lists; k++) total += sizes[k];
    if (!total || limit <= 0) return 0;
    if ((size_t)total >= UINT32_MAX / 2) return -1;
    /* Open addressing, at most half full. */
    size_t capacity = 16;
    while (capacity < (size_t)total * 2) capacity <<= 1;
    if (scratch_reserve(capacity, (size_t)total) < 0) return -1;
    uint32_t *stamps = scratch.stamps, *positions = scratch.positions, stamp = scratch.stamp;
    Counted *counted = scratch.counted;
    size_t mask = capacity - 1;
    Py_ssize_t n = 0, max_count = 0;
    for (Py_ssize_t k = 0; k < n_lists; k++) {
        for (Py_ssize_t p = 0; p < sizes[k]; p++) {
            unsigned int alias = lists[k][p];
            size_t h = ((size_t)alias * 2654435761u) & mask;
            while (stamps[h] == stamp && counted[positions[h]].alias != alias) h = (h + 1) & mask;
            if (stamps[h] != stamp) {
                stamps[h] = stamp;
                positions[h] = (uint32_t)n;
                counted[n].alias = alias;
                counted[n].count = 0;
                n++;
            }
            Counted *c = &counted[positions[h]];
            c->count += repeats[k];
            if (c->count > max_count) max_count = c->count;
        }
    }
    /* The shortlist: most counted first, first counted first among equals (a counting sort
       by count, stable). */
    Py_ssize_t *at_count = PyMem_Calloc((size_t)max_count + 2, sizeof(Py_ssize_t));
    if (!at_count) return -1;
    for (Py_ssize_t c = 0; c < n; c++) at_count[counted[c].count]++;
    Py_ssize_t taken = 0, lowest = max_count;
    while (lowest > 0 && taken + at_count[lowest] < shortlist) taken += at_count[lowest--];
    if (lowest < 1) lowest = 1;
    /* start of each count's run in the shortlist, highest count first */
    Py_ssize_t start = 0;
    for (Py_ssize_t c = max_count; c >= lowest; c--) {
        Py_ssize_t here = at_count[c];
        at_count[c] = start;
        start += here;
    }
    Py_ssize_t size = start < shortlist ? start : shortlist;
    Py_ssize_t want = size < limit ? size : limit;
    Ranked *ranked = PyMem_Malloc((size_t)(start ? start : 1) * sizeof(Ranked));
    Ranked *best = PyMem_Malloc((size_t)(want ? want : 1) * sizeof(Ranked));
    if (!ranked || !best) {
        PyMem_Free(at_count);
        PyMem_Free(ranked);
        PyMem_Free(best);
        return -1;
    }
    for (Py_ssize_t c = 0; c < n; c++) {
        Py_ssize_t count = counted[c].count;
        if (count < lowest) continue;
        Py_ssize_t rank = at_count[count]++;
        unsigned int alias = counted[c].alias;
        double keys = alias < (size_t)n_aliases ? (double)key_counts[alias] : 1.0;
        Ranked r = {(double)(-count) / sqrt(keys), rank, alias};
        ranked[rank] = r;
    }
    PyMem_Free(at_count);
    /* The `want` first of the shortlist in ranked_before order (ranks differ: the order is
       total, so this is what sorting the whole shortlist gives). */
    Py_ssize_t n_best = 0;
    for (Py_ssize_t k = 0; k < size && want; k++) insert_ranked(best, &n_best, want, ranked[k]);
    for (Py_ssize_t k = 0; k < n_best; k++) out[k] = best[k].alias;
    PyMem_Free(ranked);
    PyMem_Free(best);
    return n_best;
}

/* -- the plan, and the Python interface ------------------------------------------------ */

typedef struct {
    Py_ssize_t size;
    PyObject *key;
    Py_buffer view;
} Keyed;

static int keyed_order(const void *x, const void *y) {
    const Keyed *p = x, *r = y;
    if (p->size != r->size) return p->size < r->size ? -1 : 1;
    return PyUnicode_Compare(p->key, r->key); /* str keys: cannot fail */
}

/* The retrieval plan over n keys with their posting list sizes: the keys filed under at
   most `common` aliases (all of them when none is), rarest first (ties by key); each
   counted 1 + min(MAX_EXTRA_COUNTS, floor(log2(common / size))) times, until counting the
   next would pass `budget` (the first `min_keys` always counted). Reorders `keys` so that the planned ones
   come first, fills `repeats`, returns how many are planned. */
static Py_ssize_t plan_keys(Keyed *keys, Py_ssize_t n, Py_ssize_t common, Py_ssize_t budget,
                            Py_ssize_t min_keys, Py_ssize_t *repeats) {
    Py_ssize_t usable = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        if (keys[k].size <= common) {
            Keyed t = keys[usable];
            keys[usable++] = keys[k];
            keys[k] = t;
        }
    }
    if (!usable) usable = n;
    qsort(keys, (size_t)usable, sizeof(Keyed), keyed_order);
    Py_ssize_t planned = 0;
    for (Py_ssize_t k = 0; k < usable; k++) {
        Py_ssize_t size = keys[k].size;
        double ratio = (double)common / (double)size;
        Py_ssize_t steps = (Py_ssize_t)log2(ratio > 1.0 ? ratio : 1.0);
        Py_ssize_t repeat = 1 + (steps < MAX_EXTRA_COUNTS ? steps : MAX_EXTRA_COUNTS);
        if (k >= min_keys && size * repeat > budget) break;
        repeats[planned++] = repeat;
        budget -= size * repeat;
    }
    return planned;
}

/* retrieval_plan(sizes, common, budget, min_keys) -> [(key, times counted), ...]: plan_keys
   for keys whose posting lists are still to be read (`sizes`: key -> list length, keys of
   no alias left out). */
static PyObject *rt_retrieval_plan(PyObject *module, PyObject *args) {
    PyObject *sizes, *key, *value;
    Py_ssize_t common, budget, min_keys, pos = 0, n = 0;
    if (!PyArg_ParseTuple(args, "O!nnn:retrieval_plan", &PyDict_Type, &sizes, &common, &budget, &min_keys))
        return NULL;
    Py_ssize_t count = PyDict_GET_SIZE(sizes);
    Keyed *keys = PyMem_Calloc((size_t)(count ? count : 1), sizeof(Keyed));
    Py_ssize_t *repeats = PyMem_Calloc((size_t)(count ? count : 1), sizeof(Py_ssize_t));
    PyObject *out = NULL;
    if (!keys || !repeats) { PyErr_NoMemory(); goto done; }
    while (PyDict_Next(sizes, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) { PyErr_SetString(PyExc_TypeError, "keys must be strings"); goto done; }
        Py_ssize_t size = PyLong_AsSsize_t(value);
        if (size == -1 && PyErr_Occurred()) goto done;
        if (size < 1) { PyErr_SetString(PyExc_ValueError, "a size is at least 1"); goto done; }
        keys[n].key = key; /* borrowed: the dict holds it for this call */
        keys[n++].size = size;
    }
    Py_ssize_t planned = plan_keys(keys, n, common, budget, min_keys, repeats);
    out = PyList_New(planned);
    for (Py_ssize_t k = 0; out && k < planned; k++) {
        PyObject *step = Py_BuildValue("(On)", keys[k].key, repeats[k]);
        if (!step) { Py_CLEAR(out); break; }
        PyList_SET_ITEM(out, k, step);
    }
done:
    PyMem_Free(keys);
    PyMem_Free(repeats);
    return out;
}

static PyObject *aliases_list(const unsigned int *aliases, Py_ssize_t n) {
    PyObject *out = PyList_New(n);
    for (Py_ssize_t k = 0; out && k < n; k++) {
        PyObject *alias = PyLong_FromUnsignedLong(aliases[k]);
        if (!alias) { Py_CLEAR(out); break; }
        PyList_SET_ITEM(out, k, alias);
    }
    return out;
}

/* retrieve_held(keys, postings, key_counts, common, budget, min_keys, shortlist, limit):
   NameIndex.retrieve when every posting list is in memory (`postings`: key -> array "I"):
   plan_keys over the keys found, then top_aliases over their lists. */
static PyObject *rt_retrieve_held(PyObject *module, PyObject *args) {
    PyObject *keys, *postings;
    Py_buffer key_counts;
    Py_ssize_t common, budget, min_keys, shortlist, limit;
    if (!PyArg_ParseTuple(args, "OO!y*nnnnn:retrieve_held", &keys, &PyDict_Type, &postings, &key_counts,
                          &common, &budget, &min_keys, &shortlist, &limit))
        return NULL;
    PyObject *result = NULL, *iter = NULL, *key;
    Py_ssize_t n = 0, capacity = PySet_Check(keys) ? PySet_GET_SIZE(keys) : 64;
    Keyed *found = PyMem_Calloc((size_t)(capacity ? capacity : 1), sizeof(Keyed));
    const unsigned int **lists = NULL;
    Py_ssize_t *sizes = NULL, *repeats = NULL;
    unsigned int *out = NULL;
    if (!found) { PyErr_NoMemory(); goto done; }
    if (key_counts.itemsize != sizeof(unsigned short)) {
        PyErr_SetString(PyExc_TypeError, "key_counts must be an array of unsigned short ('H')");
        goto done;
    }
    if (!(iter = PyObject_GetIter(keys))) goto done;
    while ((key = PyIter_Next(iter))) {
        PyObject *list = PyDict_GetItemWithError(postings, key);
        if (!list) {
            Py_DECREF(key);
            if (PyErr_Occurred()) goto done;
            continue;
        }
        if (n == capacity) {
            Keyed *more = PyMem_Realloc(found, (size_t)(capacity *= 2) * sizeof(Keyed));
            if (!more) { Py_DECREF(key); PyErr_NoMemory(); goto done; }
            found = more;
        }
        if (PyObject_GetBuffer(list, &found[n].view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) { Py_DECREF(key); goto done; }
        found[n].key = key; /* the reference is released with the view */
        found[n].size = found[n].view.len / (Py_ssize_t)sizeof(unsigned int);
        n++;
        if (found[n - 1].view.itemsize != sizeof(unsigned int) || strcmp(found[n - 1].view.format, "I")) {
            PyErr_SetString(PyExc_TypeError, "posting lists must be arrays of unsigned int ('I')");
            goto done;
        }
        if (!found[n - 1].size) { /* filed under no alias: as if absent */
            PyBuffer_Release(&found[n - 1].view);
            Py_DECREF(found[n - 1].key);
            n--;
        }
    }
    if (PyErr_Occurred()) goto done;
    lists = PyMem_Calloc((size_t)(n ? n : 1), sizeof(unsigned int *));
    sizes = PyMem_Calloc((size_t)(n ? n : 1), sizeof(Py_ssize_t));
    repeats = PyMem_Calloc((size_t)(n ? n : 1), sizeof(Py_ssize_t));
    out = PyMem_Calloc((size_t)(limit > 0 ? limit : 1), sizeof(unsigned int));
    if (!lists || !sizes || !repeats || !out) { PyErr_NoMemory(); goto done; }
    Py_ssize_t planned = plan_keys(found, n, common, budget, min_keys, repeats);
    for (Py_ssize_t k = 0; k < planned; k++) {
        lists[k] = found[k].view.buf;
        sizes[k] = found[k].size;
    }
    Py_ssize_t n_out = top_aliases(lists, sizes, repeats, planned, key_counts.buf,
                                   key_counts.len / (Py_ssize_t)sizeof(unsigned short), shortlist, limit, out);
    if (n_out < 0) { PyErr_NoMemory(); goto done; }
    result = aliases_list(out, n_out);
done:
    for (Py_ssize_t k = 0; k < n; k++) {
        PyBuffer_Release(&found[k].view);
        Py_DECREF(found[k].key);
    }
    Py_XDECREF(iter);
    PyBuffer_Release(&key_counts);
    PyMem_Free(found);
    PyMem_Free(lists);
    PyMem_Free(sizes);
    PyMem_Free(repeats);
    PyMem_Free(out);
    return result;
}

/* top_aliases(plan, key_counts, shortlist, limit): `plan` is a list of (posting list,
   times to count it); posting lists and key_counts are buffers of unsigned int / unsigned
   short (array "I" and "H"). */
static PyObject *rt_top_aliases(PyObject *module, PyObject *args) {
    PyObject *plan;
    Py_buffer key_counts;
    Py_ssize_t shortlist, limit;
    if (!PyArg_ParseTuple(args, "O!y*nn:top_aliases", &PyList_Type, &plan, &key_counts, &shortlist, &limit))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t n_lists = PyList_GET_SIZE(plan), n_views = 0;
    Py_buffer *views = PyMem_Calloc((size_t)(n_lists ? n_lists : 1), sizeof(Py_buffer));
    const unsigned int **lists = PyMem_Calloc((size_t)(n_lists ? n_lists : 1), sizeof(unsigned int *));
    Py_ssize_t *sizes = PyMem_Calloc((size_t)(n_lists ? n_lists : 1), sizeof(Py_ssize_t));
    Py_ssize_t *repeats = PyMem_Calloc((size_t)(n_lists ? n_lists : 1), sizeof(Py_ssize_t));
    unsigned int *out = PyMem_Calloc((size_t)(limit > 0 ? limit : 1), sizeof(unsigned int));
    if (!views || !lists || !sizes || !repeats || !out) { PyErr_NoMemory(); goto done; }
    if (key_counts.itemsize != sizeof(unsigned short)) {
        PyErr_SetString(PyExc_TypeError, "key_counts must be an array of unsigned short ('H')");
        goto done;
    }
    for (Py_ssize_t k = 0; k < n_lists; k++) {
        PyObject *item = PyList_GET_ITEM(plan, k), *list;
        if (!PyArg_ParseTuple(item, "On:plan item", &list, &repeats[k])) goto done;
        if (PyObject_GetBuffer(list, &views[k], PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) goto done;
        n_views++;
        if (views[k].itemsize != sizeof(unsigned int) || !views[k].format || strcmp(views[k].format, "I")) {
            PyErr_SetString(PyExc_TypeError, "posting lists must be arrays of unsigned int ('I')");
            goto done;
        }
        if (repeats[k] < 1) { PyErr_SetString(PyExc_ValueError, "a list is counted at least once"); goto done; }
        lists[k] = views[k].buf;
        sizes[k] = views[k].len / (Py_ssize_t)sizeof(unsigned int);
    }
    Py_ssize_t n_out = top_aliases(lists, sizes, repeats, n_lists, key_counts.buf,
                                   key_counts.len / (Py_ssize_t)sizeof(unsigned short), shortlist, limit, out);
    if (n_out < 0) { PyErr_NoMemory(); goto done; }
    result = aliases_list(out, n_out);
done:
    for (Py_ssize_t k = 0; k < n_views; k++) PyBuffer_Release(&views[k]);
    PyBuffer_Release(&key_counts);
    PyMem_Free(views);
    PyMem_Free(lists);
    PyMem_Free(sizes);
    PyMem_Free(repeats);
    PyMem_Free(out);
    return result;
}

static PyMethodDef methods[] = {
    {"retrieval_plan", rt_retrieval_plan, METH_VARARGS,
     "retrieval_plan(sizes, common, budget, min_keys) -> [(key, times counted), ...], rarest first."},
    {"retrieve_held", rt_retrieve_held, METH_VARARGS,
     "retrieve_held(keys, postings, key_counts, common, budget, min_keys, shortlist, limit) -> the best aliases."},
    {"top_aliases", rt_top_aliases, METH_VARARGS,
     "top_aliases(plan, key_counts, shortlist, limit) -> the best-counted aliases, best first."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_retrieve", "Retrieval's counting of posting lists, in C (see index.py).", -1, methods,
};

PyMODINIT_FUNC PyInit__retrieve(void) {
    PyObject *rules = PyImport_ImportModule(RULES_MODULE);
    if (!rules) return NULL;
    int failed = load_rule_numbers(rules, RULE_NUMBERS) < 0;
    Py_DECREF(rules);
    return failed ? NULL : PyModule_Create(&module_def);
}

/* The k first items of a stream in a strict total order, kept sorted by insertion: most
   items never beat the last of the k, so this costs far less than sorting them all, and
   (the order being total) gives what sorting them all would. Used by _fastscore.c (the
   best covered aliases) and _retrieve.c (the best counted aliases).

   TOP_K(name, Type, before) defines
       static void name(Type *best, Py_ssize_t *n_best, Py_ssize_t k, Type item)
   which inserts `item` into best[0 .. *n_best) (k >= 1 places, sorted by `before`, an
   expression `before(const Type *, const Type *)` true when the first comes first); when
   the k places are full, the last drops out, or `item` if it comes after it. `best` may be
   the array the items are read from, at or before the item's own place. */

#ifndef ROLLCALL_TOPK_H
#define ROLLCALL_TOPK_H

#define TOP_K(name, Type, before)                                                    \
    static inline void name(Type *best, Py_ssize_t *n_best, Py_ssize_t k, Type item) { \
        if (*n_best == k && !before(&item, &best[k - 1])) return;                    \
        Py_ssize_t at = *n_best < k ? (*n_best)++ : k - 1;                           \
        while (at > 0 && before(&item, &best[at - 1])) {                             \
            best[at] = best[at - 1];                                                 \
            at--;                                                                    \
        }                                                                            \
        best[at] = item;                                                             \
    }

#endif

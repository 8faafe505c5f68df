/* The inner loop of scoring (resolvers/score.py), in C.

   Every query compares its readings with those of some 50 retrieved aliases: a cheap
   coverage of each, then a one-to-one token alignment and whole-name similarities for the
   best 15. That is about a thousand token-pair similarities per query; in Python they
   were most of a query's time. Here: the token-pair similarities (rapidfuzz's Levenshtein
   and Jaro-Winkler, bit-parallel for words of up to 64 letters), coverage, alignment, the
   choice of the best pair of readings; and parsing the readings the stored index holds as
   text. (Retrieval's counting is _retrieve.c.)

   A Reading is one romanised reading of a name, packed once (for an alias when the index
   is read, for a query once per query): its tokens and their keys as UCS-4 arrays, each
   token's given-name groups, particle flag and rarity weight. Readings are immutable. The
   scratch memory kept from call to call (the pair memo) is used by one call at a time
   without a lock because every function here holds the GIL from start to end (a
   free-threaded Python would need one).

   tests/resolvers/test_fastscore.py checks every function against the Python statement of
   the same rules (resolvers/score_py.py, and rapidfuzz itself) on real gazetteer names and
   random ones: the features must be equal to the last bit, or answers would change. The
   rules' numbers are read from resolvers/rules.py when the module is imported. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "_rules.h"
#include "_topk.h"

/* The numbers of the scoring rules, read from resolvers/rules.py (which says what each is
   for) when the module is imported. */
static double INITIAL, ALIAS_INITIAL, SAME_GIVEN_NAME, OTHER_GIVEN_NAME, SAME_SKELETON, KEY_JW_DISCOUNT,
    JW_PREFIX_WEIGHT, SOUND_SHARE, MIN_ALIGNED, WEAK_MATCH, UNMATCHED_ALIAS_WEIGHT;
static Py_ssize_t MIN_SKELETON, SHORT_CLASS;
static const RuleNumber RULE_NUMBERS[] = {
    {"INITIAL", &INITIAL, NULL}, {"ALIAS_INITIAL", &ALIAS_INITIAL, NULL}, {"SAME_GIVEN_NAME", &SAME_GIVEN_NAME, NULL},
    {"OTHER_GIVEN_NAME", &OTHER_GIVEN_NAME, NULL},
    {"SAME_SKELETON", &SAME_SKELETON, NULL}, {"KEY_JW_DISCOUNT", &KEY_JW_DISCOUNT, NULL},
    {"JW_PREFIX_WEIGHT", &JW_PREFIX_WEIGHT, NULL}, {"SOUND_SHARE", &SOUND_SHARE, NULL},
    {"MIN_ALIGNED", &MIN_ALIGNED, NULL}, {"WEAK_MATCH", &WEAK_MATCH, NULL},
    {"UNMATCHED_ALIAS_WEIGHT", &UNMATCHED_ALIAS_WEIGHT, NULL},
    {"MIN_SKELETON", NULL, &MIN_SKELETON}, {"SHORT_CLASS", NULL, &SHORT_CLASS},
    {NULL, NULL, NULL},
};
/* The number of features (rules.FEATURES, checked at import). */
#define N_FEATURES 8

typedef struct {
    const Py_UCS4 *s;
    Py_ssize_t n;
} Str;

typedef struct {
    Str tok, key, skel, cls, cls_r;
    uint64_t hash;      /* of tok (FNV-1a): the pair memo's key */
    const long *groups; /* sorted */
    Py_ssize_t n_groups;
    int particle;
    int kept; /* a query's word that is no given name an alias may leave out (forms.words_kept) */
    int r_same; /* cls_r is cls (no r dropped) */
    double weight;
} Token;

typedef struct {
    PyObject_HEAD
    Py_ssize_t n;
    Token *tokens;
    Str joined_key, joined_class;
    double total, rarity;
    Py_UCS4 *chars; /* every string of the reading, one allocation */
    long *group_ids;
} Reading;

static PyTypeObject ReadingType;

/* -- string similarity (as rapidfuzz computes it) ------------------------------------- */

static int str_eq(Str a, Str b) {
    return a.n == b.n && memcmp(a.s, b.s, (size_t)a.n * sizeof(Py_UCS4)) == 0;
}

/* A string of 1..64 characters prepared for bit-parallel Levenshtein (Myers 1999, as
   Hyyro 2001 states it: one column of the edit matrix is a few machine words). Each
   character gets the bit mask of its positions; letters a-z (nearly all of a romanised
   name) are found in a table, other characters by a scan of the rest. */
typedef struct {
    uint64_t letters[26];
    Py_UCS4 others[64];
    uint64_t other_masks[64];
    int n_others;
    Py_ssize_t n; /* the string's length; 0: not prepared (empty, or longer than 64) */
} Pattern;

static void pattern_init(Pattern *p, Str a) {
    p->n = a.n >= 1 && a.n <= 64 ? a.n : 0;
    if (!p->n) return;
    memset(p->letters, 0, sizeof p->letters);
    p->n_others = 0;
    for (Py_ssize_t i = 0; i < a.n; i++) {
        Py_UCS4 c = a.s[i];
        if (c >= 'a' && c <= 'z') {
            p->letters[c - 'a'] |= (uint64_t)1 << i;
            continue;
        }
        int k = 0;
        while (k < p->n_others && p->others[k] != c) k++;
        if (k == p->n_others) { p->others[k] = c; p->other_masks[p->n_others++] = 0; }
        p->other_masks[k] |= (uint64_t)1 << i;
    }
}

/* Levenshtein distance of the prepared string and b. */
static Py_ssize_t myers(const Pattern *p, Str b) {
    uint64_t vp = ~(uint64_t)0, vn = 0, last = (uint64_t)1 << (p->n - 1);
    Py_ssize_t dist = p->n;
    for (Py_ssize_t j = 0; j < b.n; j++) {
        Py_UCS4 c = b.s[j];
        uint64_t pm = 0;
        if (c >= 'a' && c <= 'z') {
            pm = p->letters[c - 'a'];
        } else {
            for (int k = 0; k < p->n_others; k++)
                if (p->others[k] == c) { pm = p->other_masks[k]; break; }
        }
        uint64_t x = pm | vn;
        uint64_t d0 = (((x & vp) + vp) ^ vp) | x;
        uint64_t hp = vn | ~(d0 | vp);
        uint64_t hn = vp & d0;
        if (hp & last) dist++;
        else if (hn & last) dist--;
        hp = (hp << 1) | 1;
        hn <<= 1;
        vp = hn | ~(d0 | hp);
        vn = hp & d0;
    }
    return dist;
}

static Py_ssize_t levenshtein(Str a, Str b) {
    /* Common prefix and suffix cost nothing. */
    while (a.n && b.n && a.s[0] == b.s[0]) { a.s++; b.s++; a.n--; b.n--; }
    while (a.n && b.n && a.s[a.n - 1] == b.s[b.n - 1]) { a.n--; b.n--; }
    if (!a.n) return b.n;
    if (!b.n) return a.n;
    if (a.n < b.n) { Str t = a; a = b; b = t; } /* the row runs over the shorter */
    if (b.n <= 64) {
        Pattern p;
        pattern_init(&p, b);
        return myers(&p, a);
    }
    Py_ssize_t stack_row[128];
    Py_ssize_t *row = b.n < 128 ? stack_row : PyMem_Malloc((size_t)(b.n + 1) * sizeof(Py_ssize_t));
    if (!row) return -1;
    for (Py_ssize_t j = 0; j <= b.n; j++) row[j] = j;
    for (Py_ssize_t i = 1; i <= a.n; i++) {
        Py_ssize_t diagonal = row[0];
        row[0] = i;
        Py_UCS4 c = a.s[i - 1];
        for (Py_ssize_t j = 1; j <= b.n; j++) {
            Py_ssize_t above = row[j];
            Py_ssize_t best = diagonal + (b.s[j - 1] != c);
            if (above + 1 < best) best = above + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    Py_ssize_t dist = row[b.n];
    if (row != stack_row) PyMem_Free(row);
    return dist;
}

/* Levenshtein.normalized_similarity: 1 - distance / longer length. -1 on no memory. */
static double lev_sim(Str a, Str b) {
    Py_ssize_t longest = a.n > b.n ? a.n : b.n;
    if (!longest) return 1.0;
    Py_ssize_t dist = levenshtein(a, b);
    if (dist < 0) return -1.0;
    double norm_dist = (double)dist / (double)longest;
    return 1.0 - norm_dist;
}

/* lev_sim(a, b) with a prepared in p (a query's word, compared with many), or not (NULL,
   or a string that cannot be). */
static double lev_sim_p(const Pattern *p, Str a, Str b) {
    if (!p || !p->n) return lev_sim(a, b);
    Py_ssize_t longest = a.n > b.n ? a.n : b.n;
    double norm_dist = (double)myers(p, b) / (double)longest;
    return 1.0 - norm_dist;
}

/* Jaro's similarity from the strings' lengths, their matched characters and the matched
   characters out of order. */
static double jaro_formula(Py_ssize_t p_len, Py_ssize_t t_len, Py_ssize_t common, Py_ssize_t transpositions) {
    double sim = 0.0;
    if (common) {
        transpositions /= 2;
        sim += (double)common / (double)p_len;
        sim += (double)common / (double)t_len;
        sim += ((double)common - (double)transpositions) / (double)common;
        sim = sim / 3.0;
    }
    return sim;
}

/* jaro() for (trimmed) strings of at most 64 characters: the matched flags are bits. */
static double jaro_short(Str p, Str t, Py_ssize_t p_len, Py_ssize_t t_len, Py_ssize_t bound) {
    uint64_t p_flags = 0, t_flags = 0;
    Py_ssize_t common = 0;
    for (Py_ssize_t i = 0; i < p.n; i++) {
        Py_ssize_t lo = i - bound > 0 ? i - bound : 0;
        Py_ssize_t hi = i + bound < t.n - 1 ? i + bound : t.n - 1;
        for (Py_ssize_t j = lo; j <= hi; j++) {
            if (!(t_flags >> j & 1) && t.s[j] == p.s[i]) {
                p_flags |= (uint64_t)1 << i;
                t_flags |= (uint64_t)1 << j;
                common++;
                break;
            }
        }
    }
    Py_ssize_t transpositions = 0;
    uint64_t rest = t_flags;
    for (Py_ssize_t i = 0; i < p.n && rest; i++) {
        if (!(p_flags >> i & 1)) continue;
        int j = __builtin_ctzll(rest); /* the next matched character of t */
        rest &= rest - 1;
        if (p.s[i] != t.s[j]) transpositions++;
    }
    return jaro_formula(p_len, t_len, common, transpositions);
}

static double jaro(Str p, Str t) {
    Py_ssize_t p_len = p.n, t_len = t.n;
    if (!p_len && !t_len) return 1.0;
    if (!p_len || !t_len) return 0.0;
    if (p_len == 1 && t_len == 1) return p.s[0] == t.s[0] ? 1.0 : 0.0;
    /* Parts of the longer string out of every window can never match. */
    Py_ssize_t bound;
    if (t_len > p_len) {
        bound = t_len / 2 - 1;
        if (t.n > p_len + bound) t.n = p_len + bound;
    } else {
        bound = p_len / 2 - 1;
        if (p.n > t_len + bound) p.n = t_len + bound;
    }
    if (p.n <= 64 && t.n <= 64) return jaro_short(p, t, p_len, t_len, bound);
    char stack_flags[256];
    char *flags = p_len + t_len <= 256 ? stack_flags : PyMem_Malloc((size_t)(p_len + t_len));
    if (!flags) return -1.0;
    char *p_flags = flags, *t_flags = flags + p_len;
    memset(flags, 0, (size_t)(p_len + t_len));
    Py_ssize_t common = 0;
    for (Py_ssize_t i = 0; i < p.n; i++) {
        Py_ssize_t lo = i - bound > 0 ? i - bound : 0;
        Py_ssize_t hi = i + bound < t_len - 1 ? i + bound : t_len - 1;
        if (hi > t.n - 1) hi = t.n - 1;
        for (Py_ssize_t j = lo; j <= hi; j++) {
            if (!t_flags[j] && t.s[j] == p.s[i]) {
                p_flags[i] = t_flags[j] = 1;
                common++;
                break;
            }
        }
    }
    Py_ssize_t k = 0, transpositions = 0;
    for (Py_ssize_t i = 0; common && i < p.n; i++) {
        if (!p_flags[i]) continue;
        Py_ssize_t j = k;
        while (!t_flags[j]) j++;
        k = j + 1;
        if (p.s[i] != t.s[j]) transpositions++;
    }
    if (flags != stack_flags) PyMem_Free(flags);
    return jaro_formula(p_len, t_len, common, transpositions);
}

/* JaroWinkler.similarity with prefix weight JW_PREFIX_WEIGHT. */
static double jaro_winkler(Str a, Str b) {
    Py_ssize_t max_prefix = a.n < b.n ? a.n : b.n;
    if (max_prefix > 4) max_prefix = 4;
    Py_ssize_t prefix = 0;
    while (prefix < max_prefix && a.s[prefix] == b.s[prefix]) prefix++;
    double sim = jaro(a, b);
    if (sim > 0.7) {
        sim += (double)prefix * JW_PREFIX_WEIGHT * (1.0 - sim);
        if (sim > 1.0) sim = 1.0;
    }
    return sim;
}

/* -- token pairs ---------------------------------------------------------------------- */

static int share_group(const Token *q, const Token *a) {
    Py_ssize_t i = 0, j = 0;
    while (i < q->n_groups && j < a->n_groups) {
        if (q->groups[i] == a->groups[j]) return 1;
        if (q->groups[i] < a->groups[j]) i++; else j++;
    }
    return 0;
}

/* Levenshtein similarity of two consonant-class keys; -1 when either is empty. A key shorter
   than SHORT_CLASS ("rs") says little: its similarity shrinks towards 0.5. */
static double class_similarity(const Pattern *p, Str q, Str a) {
    if (!q.n || !a.n) return -1.0;
    double sim = lev_sim_p(p, q, a);
    Py_ssize_t shortest = q.n < a.n ? q.n : a.n;
    if (shortest < SHORT_CLASS) sim = 0.5 + (sim - 0.5) * (double)shortest / (double)SHORT_CLASS;
    return sim;
}

static inline double max2(double a, double b) { return b > a ? b : a; }

/* A query token's strings prepared for the Levenshtein similarities of token_pair. */
typedef struct {
    Pattern tok, cls, cls_r;
} TokenPatterns;

/* Patterns for each token of q (NULL on no memory: the pairs are then computed without). */
static TokenPatterns *patterns_new(const Reading *q) {
    TokenPatterns *out = PyMem_Malloc((size_t)(q->n ? q->n : 1) * sizeof(TokenPatterns));
    for (Py_ssize_t i = 0; out && i < q->n; i++) {
        pattern_init(&out[i].tok, q->tokens[i].tok);
        pattern_init(&out[i].cls, q->tokens[i].cls);
        pattern_init(&out[i].cls_r, q->tokens[i].cls_r);
    }
    return out;
}

/* Spelling and sound similarity of two tokens, each 0..1; `qp`: q's patterns, or NULL. */
static void token_pair(const Token *q, const Token *a, const TokenPatterns *qp, double *spelling, double *sound) {
    if (str_eq(q->tok, a->tok) || str_eq(q->key, a->key)) {
        *spelling = *sound = 1.0;
        return;
    }
    if (q->tok.n == 1 || a->tok.n == 1) {
        *spelling = *sound = q->tok.s[0] != a->tok.s[0] ? 0.0 : q->tok.n == 1 ? INITIAL : ALIAS_INITIAL;
        return;
    }
    double spell = max2(lev_sim_p(qp ? &qp->tok : NULL, q->tok, a->tok),
                        jaro_winkler(q->key, a->key) - KEY_JW_DISCOUNT);
    if (q->skel.n >= MIN_SKELETON && str_eq(q->skel, a->skel)) spell = max2(spell, SAME_SKELETON);
    if (share_group(q, a)) { /* "Ioannes" and "John" */
        *spelling = max2(spell, SAME_GIVEN_NAME);
        *sound = 1.0; /* one name, however spelled */
        return;
    }
    double snd = class_similarity(qp ? &qp->cls : NULL, q->cls, a->cls);
    if (!q->r_same || !a->r_same) /* else the keys with every r kept are these same keys */
        snd = max2(snd, class_similarity(qp ? &qp->cls_r : NULL, q->cls_r, a->cls_r));
    if (q->n_groups && a->n_groups) { /* two given names, not one: "Christina" and "Christian" */
        spell = spell < OTHER_GIVEN_NAME ? spell : OTHER_GIVEN_NAME;
        snd = snd < OTHER_GIVEN_NAME ? snd : OTHER_GIVEN_NAME;
    }
    *spelling = spell;
    *sound = snd >= 0 ? snd : spell;
}

/* Token pairs already computed for one query. The same words recur across the readings of
   the query and across the aliases and their readings, and a pair's similarity depends on
   the two words only (every key derives from the word), so it is computed once. */
typedef struct {
    const Token *q; /* the words, which the slot's memo keeps alive */
    const Token *a;
    uint64_t hash;  /* of the pair of words */
    double spelling, sound;
    uint32_t stamp; /* the memo that filled the slot: other memos' slots are free */
} MemoSlot;

typedef struct {
    MemoSlot *slots;
    size_t mask;
    size_t used;
    uint32_t stamp;
} Memo;

#define MEMO_SLOTS 4096

/* The slots, kept from one call to the next (zeroing 128 KB for every call cost more than
   the pairs it saved). One call at a time uses them: this module's functions hold the GIL
   throughout, and no call makes two memos. */
static MemoSlot *memo_slots;
static uint32_t memo_stamp;

/* A memo for about `pairs` token pairs; a memo without slots (no memory) computes every
   pair. */
static Memo memo_new(size_t pairs) {
    size_t capacity = 16;
    while (capacity < pairs * 2 && capacity < MEMO_SLOTS) capacity <<= 1;
    if (!memo_slots) memo_slots = PyMem_Calloc(MEMO_SLOTS, sizeof(MemoSlot));
    if (memo_slots && ++memo_stamp == 0) { /* after 2^32 calls: clear the old stamps, once */
        memset(memo_slots, 0, MEMO_SLOTS * sizeof(MemoSlot));
        memo_stamp = 1;
    }
    Memo memo = {memo_slots, capacity - 1, 0, memo_stamp};
    return memo;
}

static void memo_free(Memo *memo) { memo->slots = NULL; }

static void pair_memo(Memo *memo, const Token *q, const Token *a, const TokenPatterns *qp, double *spelling,
                      double *sound) {
    if (!memo || !memo->slots) {
        token_pair(q, a, qp, spelling, sound);
        return;
    }
    uint64_t h = (q->hash * 0x9E3779B97F4A7C15u) ^ a->hash;
    size_t slot = (size_t)(h >> 20) & memo->mask;
    for (; memo->slots[slot].stamp == memo->stamp; slot = (slot + 1) & memo->mask) {
        MemoSlot *m = &memo->slots[slot];
        if (m->hash == h && str_eq(m->q->tok, q->tok) && str_eq(m->a->tok, a->tok)) {
            *spelling = m->spelling;
            *sound = m->sound;
            return;
        }
    }
    token_pair(q, a, qp, spelling, sound);
    if (memo->used * 2 < memo->mask) { /* at most half full */
        MemoSlot entry = {q, a, h, *spelling, *sound, memo->stamp};
        memo->slots[slot] = entry;
        memo->used++;
    }
}

/* The better of the two similarities, sound discounted. */
static inline double either(double spelling, double sound) {
    return spelling > sound * SOUND_SHARE ? spelling : sound * SOUND_SHARE;
}

/* -- coverage ------------------------------------------------------------------------- */

static double coverage_of(const Reading *q, const Reading *a, Memo *memo, const TokenPatterns *qps) {
    double stack_best[32];
    double *a_best = a->n <= 32 ? stack_best : PyMem_Calloc((size_t)a->n, sizeof(double));
    if (!a_best) return -1.0;
    for (Py_ssize_t j = 0; j < a->n; j++) a_best[j] = 0.0;
    double q_covered = 0.0;
    for (Py_ssize_t i = 0; i < q->n; i++) {
        double best = 0.0;
        for (Py_ssize_t j = 0; j < a->n; j++) {
            double spelling, sound;
            pair_memo(memo, &q->tokens[i], &a->tokens[j], qps ? &qps[i] : NULL, &spelling, &sound);
            double sim = either(spelling, sound);
            if (sim > best) best = sim;
            if (sim > a_best[j]) a_best[j] = sim;
        }
        q_covered += q->tokens[i].weight * best;
    }
    double a_covered = 0.0;
    for (Py_ssize_t j = 0; j < a->n; j++) a_covered += a->tokens[j].weight * a_best[j];
    if (a_best != stack_best) PyMem_Free(a_best);
    return (q_covered / (q->total != 0.0 ? q->total : 1.0)) * (a_covered / (a->total != 0.0 ? a->total : 1.0));
}

/* -- alignment ------------------------------------------------------------------------ */

typedef struct {
    double best, spelling, sound;
    Py_ssize_t i, j;
} Pair;

/* Descending on (best, spelling, sound, i, j), as Python sorts the tuples in reverse. */
static int pair_order(const void *x, const void *y) {
    const Pair *p = x, *r = y;
    if (p->best != r->best) return p->best > r->best ? -1 : 1;
    if (p->spelling != r->spelling) return p->spelling > r->spelling ? -1 : 1;
    if (p->sound != r->sound) return p->sound > r->sound ? -1 : 1;
    if (p->i != r->i) return p->i > r->i ? -1 : 1;
    if (p->j != r->j) return p->j > r->j ? -1 : 1;
    return 0;
}

/* Sorts `pairs` by pair_order. Most readings have two to four tokens: a dozen pairs, which
   insertion sort orders in a fraction of qsort's calls through a function pointer. The
   order is total (i, j differ), so both give the same result. */
static void sort_pairs(Pair *pairs, size_t n) {
    if (n > 24) {
        qsort(pairs, n, sizeof(Pair), pair_order);
        return;
    }
    for (size_t k = 1; k < n; k++) {
        Pair p = pairs[k];
        size_t at = k;
        while (at > 0 && pair_order(&p, &pairs[at - 1]) < 0) {
            pairs[at] = pairs[at - 1];
            at--;
        }
        pairs[at] = p;
    }
}

/* Concatenation of one key of every alias token in `order` into `out` (room for all). */
static Str joined_in_order(const Reading *a, const Py_ssize_t *order, int classes, Py_UCS4 *out) {
    Py_ssize_t n = 0;
    for (Py_ssize_t k = 0; k < a->n; k++) {
        const Token *t = &a->tokens[order[k]];
        Str s = classes ? t->cls : t->key;
        memcpy(out + n, s.s, (size_t)s.n * sizeof(Py_UCS4));
        n += s.n;
    }
    Str joined = {out, n};
    return joined;
}

/* Features of one pair of readings: greedy one-to-one token alignment on the better of
   the two similarities, then whole-name similarities with the alias's tokens in the order
   the query aligned them ("Lavrov Sergei" against "Sergei Lavrov" is not penalised twice).
   0 on success, -1 on no memory. */
static int align(const Reading *q, const Reading *a, Memo *memo, const TokenPatterns *qps,
                 double features[N_FEATURES]) {
    Py_ssize_t n_q = q->n, n_a = a->n;
    size_t n_pairs = (size_t)n_q * (size_t)n_a;
    size_t ints = (size_t)n_q + 3 * (size_t)n_a, doubles = (size_t)n_q + 2 * (size_t)n_a;
    size_t chars = (size_t)(a->joined_key.n > a->joined_class.n ? a->joined_key.n : a->joined_class.n);
    char *memory = PyMem_Malloc(n_pairs * sizeof(Pair) + ints * sizeof(Py_ssize_t)
                                + doubles * sizeof(double) + (chars + 1) * sizeof(Py_UCS4));
    if (!memory) return -1;
    Pair *pairs = (Pair *)memory;
    double *a_best = (double *)(pairs + n_pairs), *best_of_q = a_best + n_a, *a_spelling = best_of_q + n_q;
    Py_ssize_t *match_of = (Py_ssize_t *)(a_spelling + n_a), *matched = match_of + n_q;
    Py_ssize_t *order = matched + n_a;
    Py_UCS4 *joined = (Py_UCS4 *)(order + n_a);

    size_t n = 0;
    for (Py_ssize_t i = 0; i < n_q; i++) {
        for (Py_ssize_t j = 0; j < n_a; j++) {
            double spelling, sound;
            pair_memo(memo, &q->tokens[i], &a->tokens[j], qps ? &qps[i] : NULL, &spelling, &sound);
            double best = either(spelling, sound);
            if (best > MIN_ALIGNED) {
                Pair p = {best, spelling, sound, i, j};
                pairs[n++] = p;
            }
        }
    }
    sort_pairs(pairs, n);
    for (Py_ssize_t i = 0; i < n_q; i++) { match_of[i] = -1; best_of_q[i] = 0.0; }
    for (Py_ssize_t j = 0; j < n_a; j++) a_best[j] = a_spelling[j] = 0.0;
    double spell_sum = 0.0, sound_sum = 0.0;
    for (size_t k = 0; k < n; k++) {
        Pair *p = &pairs[k];
        if (match_of[p->i] >= 0 || a_best[p->j] > 0.0) continue;
        match_of[p->i] = p->j;
        a_best[p->j] = p->best;
        a_spelling[p->j] = p->spelling;
        best_of_q[p->i] = p->spelling > p->sound ? p->spelling : p->sound;
        spell_sum += q->tokens[p->i].weight * p->spelling;
        sound_sum += q->tokens[p->i].weight * p->sound;
    }
    double total = q->total != 0.0 ? q->total : 1.0;
    double a_weighted = 0.0, a_total = 0.0;
    for (Py_ssize_t j = 0; j < n_a; j++) {
        double w = a->tokens[j].weight, s = a_best[j];
        if (s <= WEAK_MATCH) w *= UNMATCHED_ALIAS_WEIGHT;
        a_weighted += w * s;
        a_total += w;
    }
    /* The worst-matched query token that is not a particle (a wrong given name sinks it),
       nor a given name the alias leaves out: an unmatched one before the query's last
       word, when that and every one of two or more alias words are matched, each by more
       than a weak spelling ("Mary Elizabeth Jones" against "Mary Jones"; "Mehmet Recep
       Peker" against "Recep Peker", known by his second given name), unless it is `kept`
       (a part of "Hans-Peter", or the family name a Chinese name puts first). A particle
       is no last word: "basha" (Pasha) ends "Ahmad Jamal Basha", and Jamal is no given
       name left out. Matched by its consonant classes alone, a word says too little:
       "Dasho Tshering Tobgay" is no Zoran Đorđević who leaves out a given name. */
    Py_ssize_t last = -1, n_words = 0;
    for (Py_ssize_t i = 0; i < n_q; i++) {
        if (q->tokens[i].particle) continue;
        last = i;
        n_words++;
    }
    int given_left_out = n_words > 2 && n_a > 1 && match_of[last] >= 0;
    for (Py_ssize_t j = 0; given_left_out && j < n_a; j++)
        if (a_best[j] <= 0.0 || a_spelling[j] <= WEAK_MATCH) given_left_out = 0;
    double weakest = 0.0;
    int any = 0;
    for (Py_ssize_t i = 0; i < n_q; i++) {
        if (q->tokens[i].particle || (given_left_out && match_of[i] < 0 && !q->tokens[i].kept)) continue;
        if (!any || best_of_q[i] < weakest) weakest = best_of_q[i];
        any = 1;
    }
    /* Alias token order: the matched ones in query order, then the unmatched ones. */
    Py_ssize_t n_matched = 0, n_order = 0;
    for (Py_ssize_t i = 0; i < n_q; i++)
        if (match_of[i] >= 0) matched[n_matched++] = order[n_order++] = match_of[i];
    for (Py_ssize_t j = 0; j < n_a; j++)
        if (a_best[j] == 0.0) order[n_order++] = j;
    int in_order = 1;
    for (Py_ssize_t k = 1; k < n_matched; k++)
        if (matched[k - 1] >= matched[k]) { in_order = 0; break; }

    double whole = lev_sim(q->joined_key, joined_in_order(a, order, 0, joined));
    Str a_class = joined_in_order(a, order, 1, joined);
    double whole_sound = q->joined_class.n && a_class.n ? lev_sim(q->joined_class, a_class) : 0.0;
    PyMem_Free(memory);
    if (whole < 0 || whole_sound < 0) return -1;

    /* The order of PairFeatures (resolvers/score.py FEATURES). */
    features[0] = spell_sum / total;
    features[1] = sound_sum / total;
    features[2] = a_weighted / (a_total != 0.0 ? a_total : 1.0);
    features[3] = whole;
    features[4] = whole_sound;
    features[5] = weakest;
    features[6] = in_order ? 1.0 : 0.0;
    features[7] = a->rarity;
    return 0;
}

/* -- Python interface ----------------------------------------------------------------- */

static void Reading_dealloc(Reading *self) {
    PyMem_Free(self->tokens);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* A reading of n tokens with room for n_chars characters (every string, the joined keys
   and classes included) and n_groups group ids, in one allocation. */
static Reading *reading_alloc(PyTypeObject *type, Py_ssize_t n, Py_ssize_t n_chars, Py_ssize_t n_groups) {
    Reading *self = (Reading *)type->tp_alloc(type, 0);
    if (!self) return NULL;
    size_t size = (size_t)n * sizeof(Token) + (size_t)n_groups * sizeof(long) + (size_t)n_chars * sizeof(Py_UCS4);
    self->tokens = PyMem_Calloc(1, size ? size : 1);
    if (!self->tokens) {
        Py_DECREF(self);
        PyErr_NoMemory();
        return NULL;
    }
    self->n = n;
    self->group_ids = (long *)(self->tokens + n);
    self->chars = (Py_UCS4 *)(self->group_ids + n_groups);
    return self;
}

/* The total weight, the joined keys and classes (what whole-name similarity compares) and
   which tokens lose no r in their class key, once the tokens are filled; `cursor` is the
   free part of the character buffer. */
static void reading_finish(Reading *self, Py_UCS4 *cursor) {
    double total = 0.0;
    for (Py_ssize_t i = 0; i < self->n; i++) {
        Token *t = &self->tokens[i];
        total += t->weight;
        t->r_same = str_eq(t->cls, t->cls_r);
        uint64_t h = 0xcbf29ce484222325u;
        for (Py_ssize_t k = 0; k < t->tok.n; k++) h = (h ^ t->tok.s[k]) * 0x100000001B3u;
        t->hash = h;
    }
    self->total = total;
    for (int classes = 0; classes < 2; classes++) {
        Str *joined = classes ? &self->joined_class : &self->joined_key;
        joined->s = cursor;
        for (Py_ssize_t i = 0; i < self->n; i++) {
            Str part = classes ? self->tokens[i].cls : self->tokens[i].key;
            memcpy(cursor, part.s, (size_t)part.n * sizeof(Py_UCS4));
            cursor += part.n;
        }
        joined->n = cursor - joined->s;
    }
}

/* Copy `text` into *cursor as UCS-4; the Str points at the copy. */
static int copy_str(PyObject *text, Py_UCS4 **cursor, Str *out) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n && !PyUnicode_AsUCS4(text, *cursor, n, 0)) return -1;
    out->s = *cursor;
    out->n = n;
    *cursor += n;
    return 0;
}

static int check_tuple(PyObject *t, Py_ssize_t n, const char *what) {
    if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != n) {
        PyErr_Format(PyExc_ValueError, "%s must be a tuple of %zd items", what, n);
        return -1;
    }
    return 0;
}

static PyObject *Reading_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    static char *names[] = {"tokens", "keys", "skeletons", "classes", "classes_r", "groups",
                            "particles", "weights", "rarity", "kept", NULL};
    PyObject *fields[8], *kept = NULL;
    double rarity;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!OOOOOOOd|O:Reading", names, &PyTuple_Type,
                                     &fields[0], &fields[1], &fields[2], &fields[3], &fields[4],
                                     &fields[5], &fields[6], &fields[7], &rarity, &kept))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(fields[0]);
    if (kept == Py_None) kept = NULL;
    if (kept && check_tuple(kept, n, "kept") < 0) return NULL;
    static const char *what[] = {"tokens", "keys", "skeletons", "classes", "classes_r",
                                 "groups", "particles", "weights"};
    Py_ssize_t n_chars = 0, n_groups = 0;
    for (int f = 0; f < 8; f++) {
        if (check_tuple(fields[f], n, what[f]) < 0) return NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = PyTuple_GET_ITEM(fields[f], i);
            if (f < 5) {
                if (!PyUnicode_Check(item)) return PyErr_Format(PyExc_TypeError, "%s must be strings", what[f]);
                if (f == 0 && PyUnicode_GET_LENGTH(item) == 0)
                    return PyErr_Format(PyExc_ValueError, "a token is empty");
                /* keys and classes are stored twice: per token and joined */
                n_chars += PyUnicode_GET_LENGTH(item) * (f == 1 || f == 3 ? 2 : 1);
            } else if (f == 5) {
                if (!PyTuple_Check(item)) return PyErr_Format(PyExc_TypeError, "groups must be tuples of ints");
                n_groups += PyTuple_GET_SIZE(item);
            }
        }
    }
    Reading *self = reading_alloc(type, n, n_chars, n_groups);
    if (!self) return NULL;
    self->rarity = rarity;
    Py_UCS4 *cursor = self->chars;
    long *group_cursor = self->group_ids;
    for (Py_ssize_t i = 0; i < n; i++) {
        Token *t = &self->tokens[i];
        if (copy_str(PyTuple_GET_ITEM(fields[0], i), &cursor, &t->tok) < 0
            || copy_str(PyTuple_GET_ITEM(fields[1], i), &cursor, &t->key) < 0
            || copy_str(PyTuple_GET_ITEM(fields[2], i), &cursor, &t->skel) < 0
            || copy_str(PyTuple_GET_ITEM(fields[3], i), &cursor, &t->cls) < 0
            || copy_str(PyTuple_GET_ITEM(fields[4], i), &cursor, &t->cls_r) < 0)
            goto fail;
        PyObject *groups = PyTuple_GET_ITEM(fields[5], i);
        t->groups = group_cursor;
        t->n_groups = PyTuple_GET_SIZE(groups);
        for (Py_ssize_t g = 0; g < t->n_groups; g++) {
            long id = PyLong_AsLong(PyTuple_GET_ITEM(groups, g));
            if (id == -1 && PyErr_Occurred()) goto fail;
            if (g && id <= group_cursor[g - 1]) {
                PyErr_SetString(PyExc_ValueError, "groups must be sorted and distinct");
                goto fail;
            }
            group_cursor[g] = id;
        }
        group_cursor += t->n_groups;
        t->particle = PyObject_IsTrue(PyTuple_GET_ITEM(fields[6], i));
        t->kept = kept ? PyObject_IsTrue(PyTuple_GET_ITEM(kept, i)) : 0;
        t->weight = PyFloat_AsDouble(PyTuple_GET_ITEM(fields[7], i));
        if (t->particle < 0 || t->kept < 0 || (t->weight == -1.0 && PyErr_Occurred())) goto fail;
    }
    reading_finish(self, cursor);
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

/* -- readings stored as text (resolvers/readings_codec.py writes them) -------------------
   Readings are separated by rules.READING_SEPARATOR, their fields by rules.FIELD_SEPARATOR:
   tokens, keys, skeletons, classes, classes_r, weights (each a list joined by spaces, one item per token), rarity, groups
   (per token, comma-joined ids), particles (one 0/1 character per token). Parsing them
   here costs a server about 2 µs an alias instead of some 20 in Python. */

#define STORED_FIELDS 9
/* rules.READING_SEPARATOR and rules.FIELD_SEPARATOR (one ASCII character each), set at import. */
static char reading_separator, field_separator;

typedef struct {
    const char *s;
    Py_ssize_t n;
} Slice;

/* The n-th item of a field split on single spaces (as str.split(" ")). */
static Slice nth_item(Slice field, Py_ssize_t n) {
    const char *p = field.s, *end = field.s + field.n;
    for (; n > 0; n--) p = (const char *)memchr(p, ' ', (size_t)(end - p)) + 1;
    const char *stop = memchr(p, ' ', (size_t)(end - p));
    Slice item = {p, (stop ? stop : end) - p};
    return item;
}

static Py_ssize_t count_char(Slice s, char c) {
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < s.n; i++) k += s.s[i] == c;
    return k;
}

/* Decode valid UTF-8 (Python wrote it) into UCS-4. */
static Str decode_utf8(Slice in, Py_UCS4 **cursor) {
    const unsigned char *s = (const unsigned char *)in.s;
    Py_UCS4 *out = *cursor;
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < in.n;) {
        unsigned char c = s[i];
        if (c < 0x80) { out[k++] = c; i += 1; }
        else if (c < 0xE0 && i + 1 < in.n) { out[k++] = ((Py_UCS4)(c & 0x1F) << 6) | (s[i + 1] & 0x3F); i += 2; }
        else if (c < 0xF0 && i + 2 < in.n) {
            out[k++] = ((Py_UCS4)(c & 0x0F) << 12) | ((Py_UCS4)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            i += 3;
        } else if (i + 3 < in.n) {
            out[k++] = ((Py_UCS4)(c & 0x07) << 18) | ((Py_UCS4)(s[i + 1] & 0x3F) << 12)
                       | ((Py_UCS4)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            i += 4;
        } else break;
    }
    *cursor += k;
    Str str = {out, k};
    return str;
}

static int parse_double(Slice s, double *out) {
    char buf[64];
    if (s.n <= 0 || s.n >= (Py_ssize_t)sizeof buf) return -1;
    memcpy(buf, s.s, (size_t)s.n);
    buf[s.n] = 0;
    char *end;
    *out = PyOS_string_to_double(buf, &end, NULL);
    if (*out == -1.0 && PyErr_Occurred()) {
        PyErr_Clear(); /* reported as malformed readings */
        return -1;
    }
    return *end ? -1 : 0;
}

static PyObject *malformed(void) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "malformed stored readings");
    return NULL;
}

static PyObject *reading_from_fields(Slice *f) {
    Py_ssize_t n = 1 + count_char(f[0], ' ');
    if (f[8].n != n) return malformed();
    for (int k = 1; k < 8; k++)
        if (k != 6 && 1 + count_char(f[k], ' ') != n) return malformed();
    Py_ssize_t n_chars = 0;
    for (int k = 0; k < 5; k++) n_chars += (f[k].n - (n - 1)) * (k == 1 || k == 3 ? 2 : 1);
    Py_ssize_t n_groups = f[7].n ? count_char(f[7], ',') + n : 0;
    Reading *self = reading_alloc(&ReadingType, n, n_chars, n_groups);
    if (!self) return NULL;
    if (parse_double(f[6], &self->rarity) < 0) goto fail;
    Py_UCS4 *cursor = self->chars;
    long *group_cursor = self->group_ids;
    for (Py_ssize_t i = 0; i < n; i++) {
        Token *t = &self->tokens[i];
        Str *strings[5] = {&t->tok, &t->key, &t->skel, &t->cls, &t->cls_r};
        for (int k = 0; k < 5; k++) *strings[k] = decode_utf8(nth_item(f[k], i), &cursor);
        if (!t->tok.n || parse_double(nth_item(f[5], i), &t->weight) < 0) goto fail;
        Slice groups = nth_item(f[7], i);
        t->groups = group_cursor;
        for (Py_ssize_t p = 0; p < groups.n;) {
            long id = 0;
            Py_ssize_t digits = 0;
            for (; p < groups.n && groups.s[p] >= '0' && groups.s[p] <= '9'; p++, digits++)
                id = id * 10 + (groups.s[p] - '0');
            if (!digits || (p < groups.n && groups.s[p++] != ',')) goto fail;
            if (t->n_groups && id <= group_cursor[t->n_groups - 1]) goto fail;
            group_cursor[t->n_groups++] = id;
        }
        group_cursor += t->n_groups;
        char flag = f[8].s[i];
        if (flag != '0' && flag != '1') goto fail;
        t->particle = flag == '1';
    }
    reading_finish(self, cursor);
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return malformed();
}

static PyObject *fs_readings_from_text(PyObject *module, PyObject *arg) {
    if (!PyUnicode_Check(arg)) return PyErr_Format(PyExc_TypeError, "expected a str");
    Py_ssize_t len;
    const char *text = PyUnicode_AsUTF8AndSize(arg, &len);
    if (!text) return NULL;
    Slice all = {text, len};
    Py_ssize_t n = len ? 1 + count_char(all, reading_separator) : 0;
    PyObject *out = PyTuple_New(n);
    const char *p = text, *end = text + len;
    for (Py_ssize_t r = 0; out && r < n; r++) {
        const char *stop = memchr(p, reading_separator, (size_t)(end - p));
        if (!stop) stop = end;
        Slice fields[STORED_FIELDS], reading_text = {p, stop - p};
        PyObject *reading = NULL;
        if (count_char(reading_text, field_separator) == STORED_FIELDS - 1) {
            const char *q = p;
            for (int k = 0; k < STORED_FIELDS; k++) {
                const char *sep = k < STORED_FIELDS - 1 ? memchr(q, field_separator, (size_t)(stop - q)) : stop;
                fields[k].s = q;
                fields[k].n = sep - q;
                q = sep + 1;
            }
            reading = reading_from_fields(fields);
        } else {
            malformed();
        }
        if (!reading) { Py_CLEAR(out); break; }
        PyTuple_SET_ITEM(out, r, reading);
        p = stop + 1;
    }
    return out;
}

static PyObject *Reading_total(Reading *self, void *closure) { return PyFloat_FromDouble(self->total); }
static PyObject *Reading_rarity(Reading *self, void *closure) { return PyFloat_FromDouble(self->rarity); }
static PyObject *Reading_len(Reading *self, void *closure) { return PyLong_FromSsize_t(self->n); }

static PyObject *str_of(Str s) { return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s.s, s.n); }

/* The fields the reading was made of, as the Python statement of the rules reads them
   (score_py.Reading.of): the strings of each token (closure: which), ... */
static PyObject *Reading_strings(Reading *self, void *closure) {
    int which = (int)(intptr_t)closure;
    PyObject *out = PyTuple_New(self->n);
    for (Py_ssize_t i = 0; out && i < self->n; i++) {
        const Token *t = &self->tokens[i];
        const Str *field[5] = {&t->tok, &t->key, &t->skel, &t->cls, &t->cls_r};
        PyObject *item = str_of(*field[which]);
        if (!item) { Py_CLEAR(out); break; }
        PyTuple_SET_ITEM(out, i, item);
    }
    return out;
}

static PyObject *Reading_groups(Reading *self, void *closure) {
    PyObject *out = PyTuple_New(self->n);
    for (Py_ssize_t i = 0; out && i < self->n; i++) {
        const Token *t = &self->tokens[i];
        PyObject *ids = PyTuple_New(t->n_groups);
        for (Py_ssize_t g = 0; ids && g < t->n_groups; g++) {
            PyObject *id = PyLong_FromLong(t->groups[g]);
            if (!id) { Py_CLEAR(ids); break; }
            PyTuple_SET_ITEM(ids, g, id);
        }
        if (!ids) { Py_CLEAR(out); break; }
        PyTuple_SET_ITEM(out, i, ids);
    }
    return out;
}

/* ... each token's particle flag (closure 0), weight (1) or kept flag (2). */
static PyObject *Reading_flags(Reading *self, void *closure) {
    int which = (int)(intptr_t)closure;
    PyObject *out = PyTuple_New(self->n);
    for (Py_ssize_t i = 0; out && i < self->n; i++) {
        const Token *t = &self->tokens[i];
        PyObject *item = which == 1 ? PyFloat_FromDouble(t->weight)
                                    : PyBool_FromLong(which == 0 ? t->particle : t->kept);
        if (!item) { Py_CLEAR(out); break; }
        PyTuple_SET_ITEM(out, i, item);
    }
    return out;
}

static PyObject *Reading_joined(Reading *self, void *closure) {
    return str_of(closure ? self->joined_class : self->joined_key);
}

static PyGetSetDef Reading_getset[] = {
    {"total", (getter)Reading_total, NULL, "sum of the token weights", NULL},
    {"rarity", (getter)Reading_rarity, NULL, "how rare the reading's tokens are", NULL},
    {"size", (getter)Reading_len, NULL, "number of tokens", NULL},
    {"tokens", (getter)Reading_strings, NULL, "the tokens", (void *)0},
    {"keys", (getter)Reading_strings, NULL, "each token's phonetic key", (void *)1},
    {"skeletons", (getter)Reading_strings, NULL, "each token's consonant skeleton", (void *)2},
    {"classes", (getter)Reading_strings, NULL, "each token's consonant classes", (void *)3},
    {"classes_r", (getter)Reading_strings, NULL, "each token's consonant classes, every r kept", (void *)4},
    {"groups", (getter)Reading_groups, NULL, "each token's given-name groups, sorted", NULL},
    {"particles", (getter)Reading_flags, NULL, "whether each token is a particle", (void *)0},
    {"weights", (getter)Reading_flags, NULL, "each token's rarity weight", (void *)1},
    {"kept", (getter)Reading_flags, NULL, "whether each token is no given name an alias may leave out", (void *)2},
    {"joined_key", (getter)Reading_joined, NULL, "the phonetic keys joined", (void *)0},
    {"joined_class", (getter)Reading_joined, NULL, "the consonant classes joined", (void *)1},
    {NULL},
};

static PyTypeObject ReadingType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "resolvers._fastscore.Reading",
    .tp_doc = PyDoc_STR("One reading of a name packed for scoring."),
    .tp_basicsize = sizeof(Reading),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Reading_new,
    .tp_dealloc = (destructor)Reading_dealloc,
    .tp_getset = Reading_getset,
};

static int as_reading(PyObject *obj, void *out) {
    if (!PyObject_TypeCheck(obj, &ReadingType)) {
        PyErr_Format(PyExc_TypeError, "expected a Reading, not %.100s", Py_TYPE(obj)->tp_name);
        return 0;
    }
    *(Reading **)out = (Reading *)obj;
    return 1;
}

/* The string similarities on their own, to check them against rapidfuzz. */
static PyObject *fs_string_similarity(PyObject *args, double (*similarity)(Str, Str), const char *format) {
    PyObject *x, *y;
    if (!PyArg_ParseTuple(args, format, &PyUnicode_Type, &x, &PyUnicode_Type, &y)) return NULL;
    Py_UCS4 *a = PyUnicode_AsUCS4Copy(x), *b = a ? PyUnicode_AsUCS4Copy(y) : NULL;
    double sim = -1.0;
    if (a && b) {
        Str sa = {a, PyUnicode_GET_LENGTH(x)}, sb = {b, PyUnicode_GET_LENGTH(y)};
        sim = similarity(sa, sb);
    }
    PyMem_Free(a);
    PyMem_Free(b);
    if (sim < 0) return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    return PyFloat_FromDouble(sim);
}

static PyObject *fs_levenshtein(PyObject *module, PyObject *args) {
    return fs_string_similarity(args, lev_sim, "O!O!:levenshtein_similarity");
}

static PyObject *fs_jaro_winkler(PyObject *module, PyObject *args) {
    return fs_string_similarity(args, jaro_winkler, "O!O!:jaro_winkler");
}

static PyObject *fs_token_pair(PyObject *module, PyObject *args) {
    Reading *q, *a;
    Py_ssize_t i, j;
    if (!PyArg_ParseTuple(args, "O&nO&n:token_pair", as_reading, &q, &i, as_reading, &a, &j)) return NULL;
    if (i < 0 || i >= q->n || j < 0 || j >= a->n) return PyErr_Format(PyExc_IndexError, "no such token");
    double spelling, sound;
    token_pair(&q->tokens[i], &a->tokens[j], NULL, &spelling, &sound);
    return Py_BuildValue("dd", spelling, sound);
}

static PyObject *fs_coverage(PyObject *module, PyObject *args) {
    Reading *q, *a;
    if (!PyArg_ParseTuple(args, "O&O&:coverage", as_reading, &q, as_reading, &a)) return NULL;
    double c = coverage_of(q, a, NULL, NULL);
    if (c < 0) return PyErr_NoMemory();
    return PyFloat_FromDouble(c);
}

static PyObject *fs_align(PyObject *module, PyObject *args) {
    Reading *q, *a;
    if (!PyArg_ParseTuple(args, "O&O&:align", as_reading, &q, as_reading, &a)) return NULL;
    double f[N_FEATURES];
    if (align(q, a, NULL, NULL, f) < 0) return PyErr_NoMemory();
    return Py_BuildValue("dddddddd", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
}

/* Features of the pair of readings of q and a that the linear model `coef` scores highest
   (the first of equals), and that score in *best_score; 0 when a side has no reading, -1 on
   no memory. */
static int best_pair_of(PyObject *qs, PyObject *as, const double *coef, Memo *memo,
                        TokenPatterns *const *q_patterns, double best[N_FEATURES], double *best_score) {
    double f[N_FEATURES];
    int found = 0;
    *best_score = -DBL_MAX;
    for (Py_ssize_t x = 0; x < PyTuple_GET_SIZE(qs); x++) {
        for (Py_ssize_t y = 0; y < PyTuple_GET_SIZE(as); y++) {
            if (align((Reading *)PyTuple_GET_ITEM(qs, x), (Reading *)PyTuple_GET_ITEM(as, y), memo,
                      q_patterns ? q_patterns[x] : NULL, f) < 0)
                return -1;
            /* Summed in the order of resolvers/params.py ScoreModel.logit: equal to the bit. */
            double score = coef[0];
            for (int k = 0; k < N_FEATURES; k++) score = score + coef[k + 1] * f[k];
            if (!found || score > *best_score) {
                memcpy(best, f, sizeof f);
                *best_score = score;
                found = 1;
            }
        }
    }
    return found;
}

static int all_readings(PyObject *t) {
    if (!PyTuple_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "readings must be a tuple of Readings");
        return 0;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(t); k++)
        if (!as_reading(PyTuple_GET_ITEM(t, k), &(Reading *){0})) return 0;
    return 1;
}

/* The query's side of scoring: its readings (a tuple), each token's prepared patterns, and
   the memo of the token pairs computed so far. */
typedef struct {
    PyObject *readings;
    TokenPatterns **patterns; /* per reading; NULL (no memory): computed without */
    Memo memo;
} QuerySide;

static int query_side_init(QuerySide *side, PyObject *readings, size_t pairs) {
    if (!all_readings(readings)) return -1;
    if (!PyTuple_GET_SIZE(readings)) {
        PyErr_SetString(PyExc_ValueError, "a query has at least one reading");
        return -1;
    }
    side->readings = readings;
    Py_ssize_t n = PyTuple_GET_SIZE(readings);
    side->patterns = PyMem_Calloc((size_t)n, sizeof(TokenPatterns *));
    for (Py_ssize_t x = 0; side->patterns && x < n; x++)
        side->patterns[x] = patterns_new((Reading *)PyTuple_GET_ITEM(readings, x));
    side->memo = memo_new(pairs);
    return 0;
}

static void query_side_free(QuerySide *side) {
    for (Py_ssize_t x = 0; side->patterns && x < PyTuple_GET_SIZE(side->readings); x++) PyMem_Free(side->patterns[x]);
    PyMem_Free(side->patterns);
    side->patterns = NULL;
    memo_free(&side->memo);
}

static int coefficients(PyObject *coef_obj, double coef[N_FEATURES + 1]) {
    if (!PyTuple_Check(coef_obj) || PyTuple_GET_SIZE(coef_obj) != N_FEATURES + 1) {
        PyErr_Format(PyExc_ValueError, "coefficients must be a tuple of the intercept and %d weights", N_FEATURES);
        return -1;
    }
    for (int k = 0; k <= N_FEATURES; k++) {
        coef[k] = PyFloat_AsDouble(PyTuple_GET_ITEM(coef_obj, k));
        if (coef[k] == -1.0 && PyErr_Occurred()) return -1;
    }
    return 0;
}

/* For each alias (a tuple of readings) of the list `aliases`, (score, f1..f8) of its best
   pair of readings with the query's, or None when it has none. */
static PyObject *pairs_of(QuerySide *side, PyObject *aliases, const double *coef) {
    Py_ssize_t n = PyList_GET_SIZE(aliases);
    for (Py_ssize_t k = 0; k < n; k++)
        if (!all_readings(PyList_GET_ITEM(aliases, k))) return NULL;
    PyObject *out = PyList_New(n);
    for (Py_ssize_t k = 0; out && k < n; k++) {
        double best[N_FEATURES], score;
        int found = best_pair_of(side->readings, PyList_GET_ITEM(aliases, k), coef, &side->memo, side->patterns,
                                 best, &score);
        PyObject *item = found < 0 ? PyErr_NoMemory()
                         : found ? Py_BuildValue("ddddddddd", score, best[0], best[1], best[2], best[3],
                                                 best[4], best[5], best[6], best[7])
                                 : Py_NewRef(Py_None);
        if (!item) { Py_CLEAR(out); break; }
        PyList_SET_ITEM(out, k, item);
    }
    return out;
}

/* best_pairs(query readings, [alias readings, ...], (intercept, w1..w8)): for each alias the
   score and the features of its best pair of readings with the query's, (score, f1..f8), or
   None when a side has none.
   One call for all the aliases of a query: the token pairs they share are computed once. */
static PyObject *fs_best_pairs(PyObject *module, PyObject *args) {
    PyObject *qs, *aliases, *coef_obj;
    double coef[N_FEATURES + 1];
    if (!PyArg_ParseTuple(args, "OO!O:best_pairs", &qs, &PyList_Type, &aliases, &coef_obj)) return NULL;
    if (coefficients(coef_obj, coef) < 0) return NULL;
    if (!all_readings(qs)) return NULL;
    if (!PyTuple_GET_SIZE(qs)) { /* no reading: nothing pairs */
        PyObject *out = PyList_New(PyList_GET_SIZE(aliases));
        for (Py_ssize_t k = 0; out && k < PyList_GET_SIZE(aliases); k++) PyList_SET_ITEM(out, k, Py_NewRef(Py_None));
        return out;
    }
    QuerySide side;
    if (query_side_init(&side, qs, MEMO_SLOTS) < 0) return NULL;
    PyObject *out = pairs_of(&side, aliases, coef);
    query_side_free(&side);
    return out;
}

typedef struct {
    double coverage;
    Py_ssize_t position;
} Covered;

/* Descending on coverage, then ascending on position. */
static inline int covered_before(const Covered *p, const Covered *r) {
    return p->coverage > r->coverage || (p->coverage == r->coverage && p->position < r->position);
}

TOP_K(insert_covered, Covered, covered_before)

/* Positions in the list `readings` of the k that cover the query's first reading best, best
   first (equals in their order in the list, as a stable sort leaves them). */
/* The k of `readings` that cover the query's reading `which` best (an index the caller
   checked), best first. */
static PyObject *covered_of(QuerySide *side, PyObject *readings, Py_ssize_t k, Py_ssize_t which) {
    Reading *q = (Reading *)PyTuple_GET_ITEM(side->readings, which);
    Py_ssize_t n = PyList_GET_SIZE(readings);
    Covered *covered = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Covered));
    if (!covered) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        Reading *a;
        if (!as_reading(PyList_GET_ITEM(readings, i), &a)) break; /* error set */
        covered[i].coverage = coverage_of(q, a, &side->memo, side->patterns ? side->patterns[which] : NULL);
        covered[i].position = i;
        if (covered[i].coverage < 0) { PyErr_NoMemory(); n = i; break; }
    }
    if (PyErr_Occurred()) { PyMem_Free(covered); return NULL; }
    if (k > n) k = n;
    if (k < 0) k = 0;
    /* The k first, sorted into the front of the array (the order is total: positions differ). */
    Py_ssize_t n_best = 0;
    for (Py_ssize_t i = 0; i < n && k; i++) insert_covered(covered, &n_best, k, covered[i]);
    PyObject *out = PyList_New(k);
    for (Py_ssize_t i = 0; out && i < k; i++) {
        PyObject *position = PyLong_FromSsize_t(covered[i].position);
        if (!position) { Py_CLEAR(out); break; }
        PyList_SET_ITEM(out, i, position);
    }
    PyMem_Free(covered);
    return out;
}

/* best_covered(q, readings, k): positions in `readings` of the k that cover q best, best
   first (equals in their order in the list, as a stable sort leaves them). */
static PyObject *fs_best_covered(PyObject *module, PyObject *args) {
    Reading *q;
    PyObject *readings;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "O&O!n:best_covered", as_reading, &q, &PyList_Type, &readings, &k)) return NULL;
    PyObject *qs = PyTuple_Pack(1, (PyObject *)q);
    if (!qs) return NULL;
    QuerySide side;
    PyObject *out = NULL;
    if (query_side_init(&side, qs, (size_t)q->n * (size_t)PyList_GET_SIZE(readings) * 3) == 0) {
        out = covered_of(&side, readings, k, 0);
        query_side_free(&side);
    }
    Py_DECREF(qs);
    return out;
}

/* -- Scorer: one query's scoring, its token pairs shared by both steps ------------------- */

typedef struct {
    PyObject_HEAD
    QuerySide side;
    PyObject *seen; /* the alias lists scored: the memo points into their readings */
} Scorer;

static PyTypeObject ScorerType;

static PyObject *Scorer_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    PyObject *readings;
    if (!PyArg_ParseTuple(args, "O!:Scorer", &PyTuple_Type, &readings)) return NULL;
    Scorer *self = (Scorer *)type->tp_alloc(type, 0);
    if (!self) return NULL;
    self->seen = PyList_New(0);
    if (!self->seen || query_side_init(&self->side, readings, MEMO_SLOTS) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    Py_INCREF(readings); /* held by side.readings */
    return (PyObject *)self;
}

static void Scorer_dealloc(Scorer *self) {
    if (self->side.readings) {
        query_side_free(&self->side);
        Py_CLEAR(self->side.readings);
    }
    Py_XDECREF(self->seen);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Scorer_keep(Scorer *self, PyObject *list) { return PyList_Append(self->seen, list); }

static PyObject *Scorer_best_covered(Scorer *self, PyObject *args) {
    PyObject *readings;
    Py_ssize_t k, which = 0;
    if (!PyArg_ParseTuple(args, "O!n|n:best_covered", &PyList_Type, &readings, &k, &which)) return NULL;
    if (which < 0 || which >= PyTuple_GET_SIZE(self->side.readings)) {
        PyErr_SetString(PyExc_IndexError, "the query has no such reading");
        return NULL;
    }
    if (Scorer_keep(self, readings) < 0) return NULL;
    return covered_of(&self->side, readings, k, which);
}

static PyObject *Scorer_best_pairs(Scorer *self, PyObject *args) {
    PyObject *aliases, *coef_obj;
    double coef[N_FEATURES + 1];
    if (!PyArg_ParseTuple(args, "O!O:best_pairs", &PyList_Type, &aliases, &coef_obj)) return NULL;
    if (coefficients(coef_obj, coef) < 0 || Scorer_keep(self, aliases) < 0) return NULL;
    return pairs_of(&self->side, aliases, coef);
}

static PyMethodDef Scorer_methods[] = {
    {"best_covered", (PyCFunction)Scorer_best_covered, METH_VARARGS,
     "best_covered(readings, k, reading=0) -> positions of the k readings that cover the query's reading best."},
    {"best_pairs", (PyCFunction)Scorer_best_pairs, METH_VARARGS,
     "best_pairs([alias readings, ...], coef) -> for each alias (score, features...) of its best pair, or None."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScorerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "resolvers._fastscore.Scorer",
    .tp_doc = "Scorer(query readings): best_covered and best_pairs for one query, computing each pair of "
              "words once for both.",
    .tp_basicsize = sizeof(Scorer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Scorer_new,
    .tp_dealloc = (destructor)Scorer_dealloc,
    .tp_methods = Scorer_methods,
};

static PyMethodDef methods[] = {
    {"levenshtein_similarity", fs_levenshtein, METH_VARARGS,
     "levenshtein_similarity(a, b) -> rapidfuzz's Levenshtein.normalized_similarity."},
    {"jaro_winkler", fs_jaro_winkler, METH_VARARGS,
     "jaro_winkler(a, b) -> rapidfuzz's JaroWinkler.similarity (prefix weight 0.1)."},
    {"readings_from_text", fs_readings_from_text, METH_O,
     "readings_from_text(text) -> the Readings of an alias as the stored index writes them."},
    {"token_pair", fs_token_pair, METH_VARARGS,
     "token_pair(q, i, a, j) -> (spelling, sound) of token i of reading q and token j of reading a."},
    {"coverage", fs_coverage, METH_VARARGS,
     "coverage(q, a) -> cheap estimate of how well two readings match (no alignment)."},
    {"best_covered", fs_best_covered, METH_VARARGS,
     "best_covered(q, readings, k) -> positions of the k readings that cover q best, best first."},
    {"align", fs_align, METH_VARARGS, "align(q, a) -> the 8 pair features of two readings."},
    {"best_pairs", fs_best_pairs, METH_VARARGS,
     "best_pairs(qs, [as, ...], coef) -> for each alias (score, features...) of its best pair of readings, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_fastscore", "The inner loop of scoring, in C (see score.py).", -1, methods,
};

/* A separator of stored readings from rules.py: a str of one ASCII character. */
static int load_separator(PyObject *rules, const char *name, char *out) {
    PyObject *value = PyObject_GetAttrString(rules, name);
    if (!value) return -1;
    int ok = PyUnicode_Check(value) && PyUnicode_GET_LENGTH(value) == 1 && PyUnicode_READ_CHAR(value, 0) < 0x80;
    if (ok) *out = (char)PyUnicode_READ_CHAR(value, 0);
    Py_DECREF(value);
    if (!ok) PyErr_Format(PyExc_ImportError, "rules.%s must be one ASCII character", name);
    return ok ? 0 : -1;
}

/* The rules' numbers from rules.py, and a check that its FEATURES are the N_FEATURES this
   code computes. */
static int load_rules(void) {
    PyObject *rules = PyImport_ImportModule(RULES_MODULE);
    if (!rules) return -1;
    int ok = load_rule_numbers(rules, RULE_NUMBERS) == 0;
    PyObject *features = ok ? PyObject_GetAttrString(rules, "FEATURES") : NULL;
    Py_ssize_t n = features ? PyObject_Length(features) : -1;
    Py_XDECREF(features);
    if (n >= 0 && (load_separator(rules, "READING_SEPARATOR", &reading_separator) < 0
                   || load_separator(rules, "FIELD_SEPARATOR", &field_separator) < 0)) {
        Py_DECREF(rules);
        return -1;
    }
    Py_DECREF(rules);
    if (n >= 0 && n != N_FEATURES)
        PyErr_Format(PyExc_ImportError, "rules.FEATURES has %zd features; _fastscore.c computes %d", n, N_FEATURES);
    return n == N_FEATURES ? 0 : -1;
}

PyMODINIT_FUNC PyInit__fastscore(void) {
    if (load_rules() < 0) return NULL;
    if (PyType_Ready(&ReadingType) < 0 || PyType_Ready(&ScorerType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module_def);
    if (!m) return NULL;
    if (PyModule_AddObjectRef(m, "Reading", (PyObject *)&ReadingType) < 0
        || PyModule_AddObjectRef(m, "Scorer", (PyObject *)&ScorerType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

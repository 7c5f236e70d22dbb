#include "flbc.h"

/*
 * flbc_re.c: the matcher behind compiled JavaScript regular expressions.
 *
 * The compiler (compiler/regex/) turns each pattern into tables: a DFA over
 * unit classes when the pattern is regular, answering test() in one pass,
 * and a backtracking program that gives positions and captures with
 * ECMAScript's semantics. This file runs both, and implements replace,
 * split and match on top of exec. See docs/regex.md.
 *
 * Units: a code point with the u flag, a UTF-16 code unit without it (an
 * astral character is two surrogate units; the position between them is
 * the byte offset of its third byte), and FLBC_RE_INVALID for a byte that
 * does not start well-formed UTF-8.
 */

#define FLBC_RE_INVALID 0x110000u

enum { FLBC_RE_CTX_EDGE = 0, FLBC_RE_CTX_WORD, FLBC_RE_CTX_LINE, FLBC_RE_CTX_OTHER };

/* ------------------------------------------------------------- decoding */

/* Length (2..4) of the well-formed multi-byte sequence at p, 0 if none. */
FLBC_API size_t flbc_re_seq(const uint8_t *p, size_t avail, uint32_t *cp)
{
    uint8_t b0 = p[0];
    uint8_t lo = 0x80;
    uint8_t hi = 0xBF;

    if (b0 < 0xC2 || b0 > 0xF4) {
        return 0;
    }
    if (b0 < 0xE0) {
        if (avail < 2 || (p[1] & 0xC0) != 0x80) {
            return 0;
        }
        *cp = ((uint32_t) (b0 & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if (b0 < 0xF0) {
        if (b0 == 0xE0) {
            lo = 0xA0;
        }
        else if (b0 == 0xED) {
            hi = 0x9F;
        }
        if (avail < 3 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80) {
            return 0;
        }
        *cp = ((uint32_t) (b0 & 0x0F) << 12) | ((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    }
    if (b0 == 0xF0) {
        lo = 0x90;
    }
    else if (b0 == 0xF4) {
        hi = 0x8F;
    }
    if (avail < 4 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
        return 0;
    }
    *cp = ((uint32_t) (b0 & 0x07) << 18) | ((uint32_t) (p[1] & 0x3F) << 12) |
          ((uint32_t) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
}

/* The unit at byte i (i < len); returns the offset just after it. */
FLBC_API size_t flbc_re_unit_at(const uint8_t *s, size_t len, size_t i, bool unicode,
                                uint32_t *unit)
{
    uint32_t cp = 0;
    size_t n;

    if (s[i] < 0x80) {
        *unit = s[i];
        return i + 1;
    }
    n = flbc_re_seq(s + i, len - i, &cp);
    if (n == 4 && !unicode) {
        *unit = 0xD800 + ((cp - 0x10000) >> 10);
        return i + 2;
    }
    if (n != 0) {
        *unit = cp;
        return i + n;
    }
    /* Between the two surrogate halves of an astral character. */
    if (!unicode && i >= 2 && (s[i] & 0xC0) == 0x80 &&
        flbc_re_seq(s + i - 2, len - i + 2, &cp) == 4) {
        *unit = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        return i + 2;
    }
    *unit = FLBC_RE_INVALID;
    return i + 1;
}

/* The unit just before byte i (i > 0); returns the offset where it starts. */
FLBC_API size_t flbc_re_unit_before(const uint8_t *s, size_t len, size_t i, bool unicode,
                                    uint32_t *unit)
{
    uint32_t cp = 0;
    size_t k;

    if (s[i - 1] < 0x80) {
        *unit = s[i - 1];
        return i - 1;
    }
    if (!unicode && i >= 2 && flbc_re_seq(s + i - 2, len - i + 2, &cp) == 4) {
        *unit = 0xD800 + ((cp - 0x10000) >> 10);
        return i - 2;
    }
    for (k = 2; k <= 4 && k <= i; k++) {
        if (flbc_re_seq(s + i - k, len - i + k, &cp) == k) {
            if (k == 4 && !unicode) {
                *unit = 0xDC00 + ((cp - 0x10000) & 0x3FF);
                return i - 2;
            }
            *unit = cp;
            return i - k;
        }
    }
    *unit = FLBC_RE_INVALID;
    return i - 1;
}

FLBC_API int flbc_re_ctx_of(const flbc_re_prog *re, uint32_t u)
{
    if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u == '_') {
        return FLBC_RE_CTX_WORD;
    }
    if ((re->flags & (FLBC_RE_UNICODE | FLBC_RE_ICASE)) == (FLBC_RE_UNICODE | FLBC_RE_ICASE) &&
        (u == 0x17F || u == 0x212A)) {
        return FLBC_RE_CTX_WORD;
    }
    if (u == '\n' || u == '\r' || u == 0x2028 || u == 0x2029) {
        return FLBC_RE_CTX_LINE;
    }
    return FLBC_RE_CTX_OTHER;
}

/* What the assertions see before byte i: the input's edge or a unit. */
FLBC_API int flbc_re_ctx_before(const flbc_re_prog *re, const uint8_t *s, size_t len, size_t i)
{
    uint32_t u;

    if (i == 0) {
        return FLBC_RE_CTX_EDGE;
    }
    flbc_re_unit_before(s, len, i, (re->flags & FLBC_RE_UNICODE) != 0, &u);
    return flbc_re_ctx_of(re, u);
}

FLBC_API int flbc_re_ctx_after(const flbc_re_prog *re, const uint8_t *s, size_t len, size_t i)
{
    uint32_t u;

    if (i >= len) {
        return FLBC_RE_CTX_EDGE;
    }
    flbc_re_unit_at(s, len, i, (re->flags & FLBC_RE_UNICODE) != 0, &u);
    return flbc_re_ctx_of(re, u);
}

/* ------------------------------------------------------------------ DFA */

FLBC_API unsigned flbc_re_dfa_class(const flbc_re_dfa *d, uint32_t u)
{
    uint32_t lo = 0;
    uint32_t hi = d->nruns - 1;

    if (u < 0x80) {
        return d->ascii[u];
    }
    while (lo < hi) {
        uint32_t mid = (lo + hi + 1) / 2;
        if (d->run_start[mid] <= u) {
            lo = mid;
        }
        else {
            hi = mid - 1;
        }
    }
    return d->run_class[lo];
}

/* Runs d from byte i (state is a row offset); true as soon as a match has
 * ended. Rows 0 (failed) and nclasses (matched) are the only ones <= nclasses,
 * and both absorb, so a run of four ASCII bytes is checked once. */
FLBC_API bool flbc_re_dfa_run(const flbc_re_dfa *d, const uint8_t *s, size_t len, size_t i,
                              unsigned state, bool unicode)
{
    const uint16_t *next = d->next;
    const uint8_t *ascii = d->ascii;
    unsigned done = d->nclasses;
    const uint8_t *p = s + i;
    const uint8_t *end = s + len;

    for (;;) {
        while (end - p >= 4) {
            uint32_t w;
            memcpy(&w, p, 4);
            if (w & 0x80808080u) {
                break;
            }
            state = next[state + ascii[p[0]]];
            state = next[state + ascii[p[1]]];
            state = next[state + ascii[p[2]]];
            state = next[state + ascii[p[3]]];
            p += 4;
            if (state <= done) {
                return state != 0;
            }
        }
        if (p >= end) {
            break;
        }
        if (*p < 0x80) {
            state = next[state + ascii[*p]];
            p++;
        }
        else {
            uint32_t u;
            size_t at = flbc_re_unit_at(s, len, (size_t) (p - s), unicode, &u);
            state = next[state + flbc_re_dfa_class(d, u)];
            p = s + at;
        }
        if (state <= done) {
            return state != 0;
        }
    }
    return d->eof[state / done] != 0;
}

/* The next position >= from where lit occurs in s, or len + 1: memchr on
 * its rarest byte, then a byte compare around the hit. */
FLBC_API size_t flbc_re_find_literal(const uint8_t *lit, size_t n, size_t rare,
                                     const uint8_t *s, size_t len, size_t from)
{
    while (from + n <= len) {
        const uint8_t *hit = memchr(s + from + rare, lit[rare], len - n + 1 - from);
        size_t c;
        size_t k;
        if (hit == NULL) {
            break;
        }
        c = (size_t) (hit - s) - rare;
        for (k = 0; k < n && s[c + k] == lit[k]; k++) {
        }
        if (k == n) {
            return c;
        }
        from = c + 1;
    }
    return len + 1;
}

FLBC_API size_t flbc_re_find_prefix(const flbc_re_prog *re, const uint8_t *s, size_t len,
                                    size_t from)
{
    return flbc_re_find_literal((const uint8_t *) re->prefix, re->prefix_len, re->prefix_rare,
                                s, len, from);
}

/* Start state of d at byte i: only looks back when an assertion cares. */
FLBC_API unsigned flbc_re_dfa_start(const flbc_re_prog *re, const flbc_re_dfa *d,
                                    const uint8_t *s, size_t len, size_t i)
{
    if (!d->uses_ctx) {
        return d->init[FLBC_RE_CTX_OTHER];
    }
    return d->init[flbc_re_ctx_before(re, s, len, i)];
}

/* test() of an unanchored pattern with a literal prefix: the hot path of
 * grep-like filters. */
FLBC_API bool flbc_re_test_prefix(const flbc_re_prog *re, flbc_str str, size_t at)
{
    const uint8_t *s = (const uint8_t *) str.ptr;
    size_t len = str.len;
    const flbc_re_dfa *d = re->anchored;
    bool unicode = (re->flags & FLBC_RE_UNICODE) != 0;

    for (;;) {
        at = flbc_re_find_prefix(re, s, len, at);
        if (at > len) {
            return false;
        }
        if (flbc_re_dfa_run(d, s, len, at, flbc_re_dfa_start(re, d, s, len, at), unicode)) {
            return true;
        }
        at++;
    }
}

/* ---------------------------------------------------------- backtracking */

/* A backtrack stack entry: a branch to retry, or a value to restore. */
typedef struct flbc_re_bt {
    int32_t pc;                 /* >= 0 branch; -1 capture slot; -2 register */
    int32_t slot;
    ptrdiff_t val;              /* position of the branch, or the old value */
} flbc_re_bt;

typedef struct flbc_re_vm {
    flbc_rt *rt;
    const flbc_re_prog *re;
    const uint8_t *s;
    size_t len;
    bool unicode;
    bool gave_up;               /* budget or memory exhausted */
    uint64_t budget;
    ptrdiff_t *caps;
    ptrdiff_t *regs;
    flbc_re_bt *stack;
    size_t top;
    size_t cap;
    uint8_t *memo;              /* failed (pc, pos, empty-iteration mask) states */
    bool memo_off;
} flbc_re_vm;

FLBC_API bool flbc_re_vm_push(flbc_re_vm *vm, int32_t pc, int32_t slot, ptrdiff_t val)
{
    if (vm->top == vm->cap) {
        size_t cap = vm->cap * 2;
        flbc_re_bt *grown = NULL;
        if (vm->rt != NULL) {
            grown = flbc_alloc(&vm->rt->arena, cap * sizeof(*grown));
        }
        if (grown == NULL) {
            vm->gave_up = true;
            return false;
        }
        memcpy(grown, vm->stack, vm->top * sizeof(*grown));
        vm->stack = grown;
        vm->cap = cap;
    }
    vm->stack[vm->top].pc = pc;
    vm->stack[vm->top].slot = slot;
    vm->stack[vm->top].val = val;
    vm->top++;
    return true;
}

/* Pops entries down to `base`, restoring the values they saved. */
FLBC_API void flbc_re_vm_unwind(flbc_re_vm *vm, size_t base)
{
    while (vm->top > base) {
        flbc_re_bt e = vm->stack[--vm->top];
        if (e.pc == -1) {
            vm->caps[e.slot] = e.val;
        }
        else if (e.pc == -2) {
            vm->regs[e.slot] = e.val;
        }
    }
}

/* After a lookaround matched: it is atomic, so its branches go, but its
 * saved values stay so that backtracking past it still restores them. */
FLBC_API void flbc_re_vm_commit(flbc_re_vm *vm, size_t base)
{
    size_t out = base;
    size_t i;

    for (i = base; i < vm->top; i++) {
        if (vm->stack[i].pc < 0) {
            vm->stack[out++] = vm->stack[i];
        }
    }
    vm->top = out;
}

FLBC_API bool flbc_re_set_has(const flbc_re_set *set, uint32_t u)
{
    uint32_t lo = 0;
    uint32_t hi;

    if (u < 0x80) {
        return (set->ascii[u >> 5] >> (u & 31)) & 1;
    }
    if (set->nranges == 0) {
        return false;
    }
    hi = set->nranges - 1;
    while (lo < hi) {
        uint32_t mid = (lo + hi + 1) / 2;
        if (set->ranges[2 * mid] <= u) {
            lo = mid;
        }
        else {
            hi = mid - 1;
        }
    }
    return u >= set->ranges[2 * lo] && u <= set->ranges[2 * lo + 1];
}

FLBC_API uint32_t flbc_re_fold(const flbc_re_prog *re, uint32_t u)
{
    uint32_t lo = 0;
    uint32_t hi = re->nfold;

    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (re->fold[2 * mid] < u) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    if (lo < re->nfold && re->fold[2 * lo] == u) {
        return re->fold[2 * lo + 1];
    }
    return u;
}

/* Backreference: the text of group g again at pos (before pos when back). */
FLBC_API ptrdiff_t flbc_re_vm_backref(flbc_re_vm *vm, int32_t g, ptrdiff_t pos, bool back)
{
    ptrdiff_t st = vm->caps[2 * g];
    ptrdiff_t en = vm->caps[2 * g + 1];
    ptrdiff_t n = en - st;
    size_t i;
    size_t j;

    if (st < 0 || en < 0) {
        return pos;
    }
    if (!(vm->re->flags & FLBC_RE_ICASE)) {
        ptrdiff_t at = back ? pos - n : pos;
        if (at < 0 || (size_t) (at + n) > vm->len || memcmp(vm->s + st, vm->s + at, (size_t) n) != 0) {
            return -1;
        }
        return back ? at : pos + n;
    }
    if (!back) {
        i = (size_t) st;
        j = (size_t) pos;
        while (i < (size_t) en) {
            uint32_t a;
            uint32_t b;
            if (j >= vm->len) {
                return -1;
            }
            i = flbc_re_unit_at(vm->s, vm->len, i, vm->unicode, &a);
            j = flbc_re_unit_at(vm->s, vm->len, j, vm->unicode, &b);
            if (a != b && flbc_re_fold(vm->re, a) != flbc_re_fold(vm->re, b)) {
                return -1;
            }
        }
        return (ptrdiff_t) j;
    }
    i = (size_t) en;
    j = (size_t) pos;
    while (i > (size_t) st) {
        uint32_t a;
        uint32_t b;
        if (j == 0) {
            return -1;
        }
        i = flbc_re_unit_before(vm->s, vm->len, i, vm->unicode, &a);
        j = flbc_re_unit_before(vm->s, vm->len, j, vm->unicode, &b);
        if (a != b && flbc_re_fold(vm->re, a) != flbc_re_fold(vm->re, b)) {
            return -1;
        }
    }
    return (ptrdiff_t) j;
}

/* Starts memoizing failed states, when the pattern allows it and the table
 * fits: a state reached again after its first visit was fully explored
 * (and failed), since a match would have ended the search. Captures cannot
 * change the outcome without backreferences; the loop registers matter only
 * through "is this iteration still empty", hence the mask in the key. */
FLBC_API bool flbc_re_vm_memo_start(flbc_re_vm *vm)
{
    size_t bits;

    vm->memo_off = true;
    if (!vm->re->memo || vm->re->nregs > 4 || vm->rt == NULL) {
        return false;
    }
    bits = ((vm->len + 1) * vm->re->ncode) << vm->re->nregs;
    if (bits / 8 + 1 > FLBC_RE_MEMO_MAX_BYTES) {
        return false;
    }
    vm->memo = flbc_alloc(&vm->rt->arena, bits / 8 + 1);
    if (vm->memo == NULL) {
        return false;
    }
    memset(vm->memo, 0, bits / 8 + 1);
    return true;
}

/* Marks (pc, pos, mask) visited; true when it already was. */
FLBC_API bool flbc_re_vm_seen(flbc_re_vm *vm, int32_t pc, ptrdiff_t pos)
{
    size_t key = (size_t) pos * vm->re->ncode + (size_t) pc;
    uint16_t r;
    uint8_t bit;

    for (r = 0; r < vm->re->nregs; r++) {
        key = (key << 1) | (vm->regs[r] == pos);
    }
    bit = (uint8_t) (1u << (key & 7));
    if (vm->memo[key >> 3] & bit) {
        return true;
    }
    vm->memo[key >> 3] |= bit;
    return false;
}

/* Runs the program from pc at pos. Returns where it ended (MATCH or the
 * SUCCEED of a lookaround body), or -1 with every entry it pushed undone. */
FLBC_API ptrdiff_t flbc_re_vm_run(flbc_re_vm *vm, int32_t pc, ptrdiff_t pos)
{
    const flbc_re_inst *code = vm->re->code;
    const uint8_t *s = vm->s;
    size_t len = vm->len;
    size_t base = vm->top;
    bool multiline = (vm->re->flags & FLBC_RE_MULTILINE) != 0;

    for (;;) {
        const flbc_re_inst *in = &code[pc];
        uint32_t u = 0;
        size_t at;

        if (flbc_unlikely(vm->budget-- == 0)) {
            vm->gave_up = true;
            return -1;
        }
        switch (in->op) {
        case FLBC_RE_CHAR:
        case FLBC_RE_SET:
            if (!in->back) {
                if ((size_t) pos >= len) {
                    goto fail;
                }
                at = flbc_re_unit_at(s, len, (size_t) pos, vm->unicode, &u);
            }
            else {
                if (pos == 0) {
                    goto fail;
                }
                at = flbc_re_unit_before(s, len, (size_t) pos, vm->unicode, &u);
            }
            if (in->op == FLBC_RE_CHAR ? u != (uint32_t) in->a
                                       : !flbc_re_set_has(&vm->re->sets[in->a], u)) {
                goto fail;
            }
            pos = (ptrdiff_t) at;
            pc++;
            continue;
        case FLBC_RE_SPLIT:
            if (vm->memo != NULL ||
                (!vm->memo_off && vm->budget + FLBC_RE_MEMO_AFTER < FLBC_RE_STEP_BUDGET &&
                 flbc_re_vm_memo_start(vm))) {
                if (flbc_re_vm_seen(vm, pc, pos)) {
                    goto fail;
                }
            }
            if (!flbc_re_vm_push(vm, in->b, 0, pos)) {
                return -1;
            }
            pc = in->a;
            continue;
        case FLBC_RE_JMP:
            pc = in->a;
            continue;
        case FLBC_RE_SAVE:
            if (!flbc_re_vm_push(vm, -1, in->a, vm->caps[in->a])) {
                return -1;
            }
            vm->caps[in->a] = pos;
            pc++;
            continue;
        case FLBC_RE_RESET: {
            int32_t slot;
            for (slot = in->a; slot <= in->b; slot++) {
                if (vm->caps[slot] != -1) {
                    if (!flbc_re_vm_push(vm, -1, slot, vm->caps[slot])) {
                        return -1;
                    }
                    vm->caps[slot] = -1;
                }
            }
            pc++;
            continue;
        }
        case FLBC_RE_MARK:
            if (!flbc_re_vm_push(vm, -2, in->a, vm->regs[in->a])) {
                return -1;
            }
            vm->regs[in->a] = pos;
            pc++;
            continue;
        case FLBC_RE_CHECK:
            if (vm->regs[in->a] == pos) {
                goto fail;
            }
            pc++;
            continue;
        case FLBC_RE_BOL:
            if (pos != 0 && !(multiline &&
                              flbc_re_ctx_before(vm->re, s, len, (size_t) pos) == FLBC_RE_CTX_LINE)) {
                goto fail;
            }
            pc++;
            continue;
        case FLBC_RE_EOL:
            if ((size_t) pos != len && !(multiline &&
                                         flbc_re_ctx_after(vm->re, s, len, (size_t) pos) == FLBC_RE_CTX_LINE)) {
                goto fail;
            }
            pc++;
            continue;
        case FLBC_RE_WORDB:
        case FLBC_RE_NWORDB: {
            bool a = flbc_re_ctx_before(vm->re, s, len, (size_t) pos) == FLBC_RE_CTX_WORD;
            bool b = flbc_re_ctx_after(vm->re, s, len, (size_t) pos) == FLBC_RE_CTX_WORD;
            if ((a != b) != (in->op == FLBC_RE_WORDB)) {
                goto fail;
            }
            pc++;
            continue;
        }
        case FLBC_RE_BREF:
            pos = flbc_re_vm_backref(vm, in->a, pos, in->back != 0);
            if (pos < 0) {
                goto fail;
            }
            pc++;
            continue;
        case FLBC_RE_LOOK: {
            size_t mark = vm->top;
            ptrdiff_t end = flbc_re_vm_run(vm, pc + 1, pos);
            if (vm->gave_up) {
                return -1;
            }
            if (in->a == 0 || in->a == 2) {
                if (end < 0) {
                    goto fail;
                }
                flbc_re_vm_commit(vm, mark);
            }
            else if (end >= 0) {
                flbc_re_vm_unwind(vm, mark);
                goto fail;
            }
            pc = in->b;
            continue;
        }
        case FLBC_RE_SUCCEED:
        case FLBC_RE_MATCH:
        default:
            return pos;
        }
    fail:
        for (;;) {
            flbc_re_bt e;
            if (vm->top == base) {
                return -1;
            }
            e = vm->stack[--vm->top];
            if (e.pc == -1) {
                vm->caps[e.slot] = e.val;
            }
            else if (e.pc == -2) {
                vm->regs[e.slot] = e.val;
            }
            else {
                pc = e.pc;
                pos = e.val;
                break;
            }
        }
    }
}

/* The leftmost match at or after start (at start when sticky). */
FLBC_API bool flbc_re_vm_search(flbc_rt *rt, const flbc_re_prog *re, flbc_str str,
                                size_t start, bool sticky, flbc_re_match *m)
{
    flbc_re_bt local[128];
    ptrdiff_t caps[2 * (FLBC_RE_MAX_GROUPS + 1)];
    ptrdiff_t local_regs[32];
    flbc_re_vm vm;
    size_t pos = start;
    size_t nslots = 2 * ((size_t) re->ngroups + 1);
    size_t i;

    vm.rt = rt;
    vm.re = re;
    vm.s = (const uint8_t *) str.ptr;
    vm.len = str.len;
    vm.unicode = (re->flags & FLBC_RE_UNICODE) != 0;
    vm.gave_up = false;
    vm.budget = FLBC_RE_STEP_BUDGET;
    vm.caps = caps;
    vm.regs = local_regs;
    vm.stack = local;
    vm.memo = NULL;
    vm.memo_off = false;
    vm.top = 0;
    vm.cap = sizeof(local) / sizeof(local[0]);
    if (re->nregs > sizeof(local_regs) / sizeof(local_regs[0])) {
        vm.regs = rt != NULL ? flbc_alloc(&rt->arena, re->nregs * sizeof(ptrdiff_t)) : NULL;
        if (vm.regs == NULL) {
            return false;
        }
    }
    if (pos > str.len) {
        return false;
    }
    for (;;) {
        ptrdiff_t end;
        if (re->prefix_len > 0 && !sticky) {
            pos = flbc_re_find_prefix(re, vm.s, vm.len, pos);
            if (pos > str.len) {
                return false;
            }
        }
        for (i = 0; i < nslots; i++) {
            caps[i] = -1;
        }
        for (i = 0; i < re->nregs; i++) {
            vm.regs[i] = -1;
        }
        vm.top = 0;
        end = flbc_re_vm_run(&vm, 0, (ptrdiff_t) pos);
        if (vm.gave_up) {
            if (rt != NULL) {
                flbc_log(rt, FLBC_LOG_WARN,
                         "regular expression /%s/ gave up on a %zu-byte string "
                         "(step budget or memory); counted as no match",
                         re->source, str.len);
            }
            return false;
        }
        if (end >= 0) {
            if (m != NULL) {
                m->ngroups = (uint32_t) re->ngroups + 1;
                caps[0] = (ptrdiff_t) pos;
                caps[1] = end;
                memcpy(m->span, caps, nslots * sizeof(ptrdiff_t));
            }
            return true;
        }
        if (sticky || re->bol_anchored || pos >= str.len) {
            return false;
        }
        {
            uint32_t u;
            pos = flbc_re_unit_at(vm.s, vm.len, pos, vm.unicode, &u);
        }
    }
}

/* ------------------------------------------------------------ test, exec */

FLBC_API bool flbc_re_test_mode(flbc_rt *rt, const flbc_re_prog *re, flbc_str str,
                                size_t start, bool sticky)
{
    const uint8_t *s = (const uint8_t *) str.ptr;
    size_t len = str.len;
    bool unicode = (re->flags & FLBC_RE_UNICODE) != 0;

    if (start > len) {
        return false;
    }
    if (sticky && re->anchored != NULL) {
        return flbc_re_dfa_run(re->anchored, s, len, start,
                               flbc_re_dfa_start(re, re->anchored, s, len, start), unicode);
    }
    if (!sticky && re->bol_anchored) {
        if (start != 0) {
            return false;
        }
        if (re->anchored != NULL) {
            return flbc_re_dfa_run(re->anchored, s, len, 0,
                                   re->anchored->init[FLBC_RE_CTX_EDGE], unicode);
        }
        return flbc_re_vm_search(rt, re, str, 0, true, NULL);
    }
    if (!sticky && re->prefix_len > 0 && re->anchored != NULL) {
        return flbc_re_test_prefix(re, str, start);
    }
    /* A literal every match contains, somewhere: absent, no match. */
    if (re->required_len > 0 &&
        flbc_re_find_literal((const uint8_t *) re->required, re->required_len,
                             re->required_rare, s, len, start) > len) {
        return false;
    }
    if (!sticky && re->search != NULL) {
        return flbc_re_dfa_run(re->search, s, len, start,
                               flbc_re_dfa_start(re, re->search, s, len, start), unicode);
    }
    return flbc_re_vm_search(rt, re, str, start, sticky, NULL);
}

FLBC_API bool flbc_re_test(flbc_rt *rt, const flbc_re_prog *re, flbc_str s, size_t start_byte)
{
    return flbc_re_test_mode(rt, re, s, start_byte, (re->flags & FLBC_RE_STICKY) != 0);
}

FLBC_API bool flbc_re_exec_mode(flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                size_t start, bool sticky, flbc_re_match *m)
{
    if (start > s.len) {
        return false;
    }
    /* The DFA rejects most subjects before the backtracker runs. */
    if ((re->search != NULL || re->anchored != NULL) &&
        !flbc_re_test_mode(rt, re, s, start, sticky)) {
        return false;
    }
    return flbc_re_vm_search(rt, re, s, start, sticky, m);
}

FLBC_API bool flbc_re_exec(flbc_rt *rt, const flbc_re_prog *re, flbc_str s, size_t start_byte,
                           flbc_re_match *m)
{
    return flbc_re_exec_mode(rt, re, s, start_byte, (re->flags & FLBC_RE_STICKY) != 0, m);
}

/* ------------------------------------------------------------- indices */

FLBC_API double flbc_re_u16_index(flbc_str str, size_t byte)
{
    const uint8_t *s = (const uint8_t *) str.ptr;
    size_t i = 0;
    double n = 0;

    if (byte > str.len) {
        byte = str.len;
    }
    while (i < byte) {
        uint32_t cp;
        size_t k;
        if (s[i] < 0x80) {
            i++;
            n++;
            continue;
        }
        k = flbc_re_seq(s + i, str.len - i, &cp);
        if (k == 4) {
            if (i + 2 >= byte) {
                return n + (i + 2 == byte ? 1 : 2);
            }
            n += 2;
        }
        else {
            n += 1;
        }
        i += k == 0 ? 1 : k;
    }
    return n;
}

FLBC_API size_t flbc_re_byte_offset(flbc_str str, double u16_index)
{
    const uint8_t *s = (const uint8_t *) str.ptr;
    size_t i = 0;
    double n = 0;

    if (!(u16_index > 0)) {
        return 0;
    }
    while (i < str.len && n < u16_index) {
        uint32_t cp;
        size_t k;
        if (s[i] < 0x80) {
            i++;
            n++;
            continue;
        }
        k = flbc_re_seq(s + i, str.len - i, &cp);
        if (k == 4) {
            if (n + 1 == u16_index) {
                return i + 2;
            }
            n += 2;
        }
        else {
            n += 1;
        }
        i += k == 0 ? 1 : k;
    }
    return n < u16_index ? str.len + 1 : i;
}

FLBC_API bool flbc_re_group(flbc_str s, const flbc_re_match *m, uint32_t i, flbc_str *out)
{
    if (i >= m->ngroups || m->span[2 * i] < 0 || m->span[2 * i + 1] < 0) {
        *out = FLBC_STR_EMPTY;
        return false;
    }
    out->ptr = s.ptr + m->span[2 * i];
    out->len = (size_t) (m->span[2 * i + 1] - m->span[2 * i]);
    return true;
}

FLBC_API int flbc_re_group_by_name(const flbc_re_prog *re, flbc_str name)
{
    uint32_t i;

    if (re->names == NULL) {
        return -1;
    }
    for (i = 1; i <= re->ngroups; i++) {
        const char *n = re->names[i];
        if (n != NULL && strlen(n) == name.len && memcmp(n, name.ptr, name.len) == 0) {
            return (int) i;
        }
    }
    return -1;
}

/* ToLength(lastIndex) as a byte offset; len + 1 when past the end. */
FLBC_API size_t flbc_re_last_index_byte(flbc_str s, double last_index)
{
    if (last_index != last_index || last_index <= 0) {
        return 0;
    }
    return flbc_re_byte_offset(s, floor(last_index));
}

FLBC_API bool flbc_re_exec_last(flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                double *last_index, flbc_re_match *m)
{
    bool stateful = (re->flags & (FLBC_RE_GLOBAL | FLBC_RE_STICKY)) != 0;
    size_t start = 0;

    if (stateful) {
        start = flbc_re_last_index_byte(s, *last_index);
        if (start > s.len) {
            *last_index = 0;
            return false;
        }
        /* With u, an index inside a surrogate pair means its code point. */
        if ((re->flags & FLBC_RE_UNICODE) && start < s.len && start >= 2 &&
            ((const uint8_t *) s.ptr)[start - 2] >= 0xF0) {
            uint32_t u;
            if (flbc_re_unit_at((const uint8_t *) s.ptr, s.len, start - 2, true, &u) == start + 2) {
                start -= 2;
            }
        }
    }
    if (!flbc_re_exec(rt, re, s, start, m)) {
        if (stateful) {
            *last_index = 0;
        }
        return false;
    }
    if (stateful) {
        *last_index = flbc_re_u16_index(s, (size_t) m->span[1]);
    }
    return true;
}

FLBC_API bool flbc_re_test_last(flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                double *last_index)
{
    flbc_re_match m;

    if (!(re->flags & (FLBC_RE_GLOBAL | FLBC_RE_STICKY))) {
        return flbc_re_test(rt, re, s, 0);
    }
    return flbc_re_exec_last(rt, re, s, last_index, &m);
}

FLBC_API bool flbc_re_next(flbc_rt *rt, const flbc_re_prog *re, flbc_str s, size_t *pos,
                           flbc_re_match *m)
{
    size_t end;

    if (*pos > s.len || !flbc_re_exec(rt, re, s, *pos, m)) {
        return false;
    }
    end = (size_t) m->span[1];
    if (end == (size_t) m->span[0]) {
        uint32_t u;
        end = end >= s.len ? s.len + 1
                           : flbc_re_unit_at((const uint8_t *) s.ptr, s.len, end,
                                             (re->flags & FLBC_RE_UNICODE) != 0, &u);
    }
    *pos = end;
    return true;
}

/* ---------------------------------------------------- replace and split */

/* A string built in the arena (grows by copying; the arena is per record). */
typedef struct flbc_re_sb {
    char *p;
    size_t len;
    size_t cap;
    bool failed;
} flbc_re_sb;

FLBC_API void flbc_re_sb_add(flbc_rt *rt, flbc_re_sb *b, const char *src, size_t n)
{
    if (b->failed || n == 0) {
        return;
    }
    if (b->len + n > b->cap) {
        size_t cap = b->cap * 2 > b->len + n ? b->cap * 2 : b->len + n + 32;
        char *p = flbc_alloc(&rt->arena, cap);
        if (p == NULL) {
            b->failed = true;
            return;
        }
        if (b->len > 0) {
            memcpy(p, b->p, b->len);
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, src, n);
    b->len += n;
}

FLBC_API void flbc_re_sb_group(flbc_rt *rt, flbc_re_sb *b, flbc_str s, const flbc_re_match *m,
                               uint32_t g)
{
    flbc_str part;

    if (flbc_re_group(s, m, g, &part)) {
        flbc_re_sb_add(rt, b, part.ptr, part.len);
    }
}

/* GetSubstitution (ECMA-262 22.1.3.19.1) into b. */
FLBC_API void flbc_re_sb_substitute(flbc_rt *rt, flbc_re_sb *b, const flbc_re_prog *re,
                                    flbc_str s, const flbc_re_match *m, flbc_str r)
{
    size_t i = 0;
    uint32_t ngroups = re->ngroups;

    while (i < r.len) {
        char c = r.ptr[i];
        char d;
        if (c != '$' || i + 1 >= r.len) {
            size_t j = i + 1;
            while (j < r.len && r.ptr[j] != '$') {
                j++;
            }
            flbc_re_sb_add(rt, b, r.ptr + i, j - i);
            i = j;
            continue;
        }
        d = r.ptr[i + 1];
        if (d == '$') {
            flbc_re_sb_add(rt, b, "$", 1);
            i += 2;
        }
        else if (d == '&') {
            flbc_re_sb_group(rt, b, s, m, 0);
            i += 2;
        }
        else if (d == '`') {
            flbc_re_sb_add(rt, b, s.ptr, (size_t) m->span[0]);
            i += 2;
        }
        else if (d == '\'') {
            flbc_re_sb_add(rt, b, s.ptr + m->span[1], s.len - (size_t) m->span[1]);
            i += 2;
        }
        else if (d >= '0' && d <= '9') {
            uint32_t one = (uint32_t) (d - '0');
            if (i + 2 < r.len && r.ptr[i + 2] >= '0' && r.ptr[i + 2] <= '9' &&
                one * 10 + (uint32_t) (r.ptr[i + 2] - '0') >= 1 &&
                one * 10 + (uint32_t) (r.ptr[i + 2] - '0') <= ngroups) {
                flbc_re_sb_group(rt, b, s, m, one * 10 + (uint32_t) (r.ptr[i + 2] - '0'));
                i += 3;
            }
            else if (one >= 1 && one <= ngroups) {
                flbc_re_sb_group(rt, b, s, m, one);
                i += 2;
            }
            else {
                flbc_re_sb_add(rt, b, "$", 1);
                i += 1;
            }
        }
        else if (d == '<' && re->names != NULL) {
            const char *close = memchr(r.ptr + i + 2, '>', r.len - i - 2);
            if (close == NULL) {
                flbc_re_sb_add(rt, b, "$<", 2);
                i += 2;
            }
            else {
                flbc_str name = { r.ptr + i + 2, (size_t) (close - (r.ptr + i + 2)) };
                int g = flbc_re_group_by_name(re, name);
                if (g > 0) {
                    flbc_re_sb_group(rt, b, s, m, (uint32_t) g);
                }
                i = (size_t) (close - r.ptr) + 1;
            }
        }
        else {
            flbc_re_sb_add(rt, b, "$", 1);
            i += 1;
        }
    }
}

FLBC_API flbc_str flbc_re_substitute(flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                     const flbc_re_match *m, flbc_str replacement)
{
    flbc_re_sb b = { NULL, 0, 0, false };
    flbc_str out;

    flbc_re_sb_substitute(rt, &b, re, s, m, replacement);
    if (b.failed) {
        return FLBC_STR_EMPTY;
    }
    out.ptr = b.len > 0 ? b.p : "";
    out.len = b.len;
    return out;
}

FLBC_API flbc_str flbc_re_replace_impl(flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                       const flbc_str *template, flbc_re_replacer fn, void *env)
{
    flbc_re_sb b = { NULL, 0, 0, false };
    flbc_re_match m;
    size_t pos = 0;
    size_t last = 0;
    bool any = false;
    flbc_str out;

    while (flbc_re_next(rt, re, s, &pos, &m)) {
        any = true;
        flbc_re_sb_add(rt, &b, s.ptr + last, (size_t) m.span[0] - last);
        if (template != NULL) {
            flbc_re_sb_substitute(rt, &b, re, s, &m, *template);
        }
        else {
            flbc_str part = fn(rt, s, &m, env);
            flbc_re_sb_add(rt, &b, part.ptr, part.len);
        }
        last = (size_t) m.span[1];
        if (!(re->flags & FLBC_RE_GLOBAL)) {
            break;
        }
    }
    if (!any || b.failed) {
        return s;
    }
    flbc_re_sb_add(rt, &b, s.ptr + last, s.len - last);
    if (b.failed) {
        return s;
    }
    out.ptr = b.len > 0 ? b.p : "";
    out.len = b.len;
    return out;
}

FLBC_API flbc_str flbc_re_replace(flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                  flbc_str replacement)
{
    return flbc_re_replace_impl(rt, re, s, &replacement, NULL, NULL);
}

FLBC_API flbc_str flbc_re_replace_fn(flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                     flbc_re_replacer fn, void *env)
{
    return flbc_re_replace_impl(rt, re, s, NULL, fn, env);
}

/* An array of values in the arena, grown by copying. */
FLBC_API bool flbc_re_push_val(flbc_rt *rt, flbc_val **arr, size_t *n, size_t *cap, flbc_val v)
{
    if (*n == *cap) {
        size_t c = *cap == 0 ? 8 : *cap * 2;
        flbc_val *grown = flbc_alloc(&rt->arena, c * sizeof(flbc_val));
        if (grown == NULL) {
            return false;
        }
        if (*n > 0) {
            memcpy(grown, *arr, *n * sizeof(flbc_val));
        }
        *arr = grown;
        *cap = c;
    }
    (*arr)[(*n)++] = v;
    return true;
}

FLBC_API flbc_val flbc_re_str_val(const char *p, size_t n)
{
    flbc_val v;

    memset(&v, 0, sizeof(v));
    v.tag = FLBC_STR;
    v.u.s.ptr = n > 0 ? p : "";
    v.u.s.len = n;
    return v;
}

FLBC_API size_t flbc_re_split(flbc_rt *rt, const flbc_re_prog *re, flbc_str s, int64_t limit,
                              flbc_val **out)
{
    uint64_t lim = limit < 0 ? UINT32_MAX : (uint64_t) limit;
    size_t n = 0;
    size_t cap = 0;
    size_t p = 0;
    size_t q = 0;
    flbc_re_match m;
    bool unicode = (re->flags & FLBC_RE_UNICODE) != 0;

    *out = NULL;
    if (lim == 0) {
        return 0;
    }
    if (s.len == 0) {
        if (flbc_re_exec_mode(rt, re, s, 0, true, &m)) {
            return 0;
        }
        return flbc_re_push_val(rt, out, &n, &cap, flbc_re_str_val(s.ptr, 0)) ? n : (size_t) -1;
    }
    while (q < s.len) {
        size_t e;
        size_t at;
        uint32_t g;
        if (!flbc_re_exec_mode(rt, re, s, q, false, &m) || (size_t) m.span[0] >= s.len) {
            break;
        }
        at = (size_t) m.span[0];
        e = (size_t) m.span[1];
        if (e == p) {
            uint32_t u;
            q = flbc_re_unit_at((const uint8_t *) s.ptr, s.len, at, unicode, &u);
            continue;
        }
        if (!flbc_re_push_val(rt, out, &n, &cap, flbc_re_str_val(s.ptr + p, at - p))) {
            return (size_t) -1;
        }
        if (n == lim) {
            return n;
        }
        for (g = 1; g <= re->ngroups; g++) {
            flbc_str part;
            flbc_val v = FLBC_VAL_UNDEF;
            if (flbc_re_group(s, &m, g, &part)) {
                v = flbc_re_str_val(part.ptr, part.len);
            }
            if (!flbc_re_push_val(rt, out, &n, &cap, v)) {
                return (size_t) -1;
            }
            if (n == lim) {
                return n;
            }
        }
        p = e;
        q = p;
    }
    if (!flbc_re_push_val(rt, out, &n, &cap, flbc_re_str_val(s.ptr + p, s.len - p))) {
        return (size_t) -1;
    }
    return n;
}

FLBC_API size_t flbc_re_match_all_text(flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                       flbc_str **out)
{
    size_t n = 0;
    size_t cap = 0;
    size_t pos = 0;
    flbc_re_match m;

    *out = NULL;
    while (flbc_re_next(rt, re, s, &pos, &m)) {
        if (n == cap) {
            size_t c = cap == 0 ? 8 : cap * 2;
            flbc_str *grown = flbc_alloc(&rt->arena, c * sizeof(flbc_str));
            if (grown == NULL) {
                return (size_t) -1;
            }
            if (n > 0) {
                memcpy(grown, *out, n * sizeof(flbc_str));
            }
            *out = grown;
            cap = c;
        }
        flbc_re_group(s, &m, 0, &(*out)[n]);
        n++;
    }
    return n;
}

#ifndef HOTLINE_CPREFETCH_H
#define HOTLINE_CPREFETCH_H

/// Asks the memory system to bring the cache line holding `address` closer,
/// without waiting for it and without faulting: the one thing Swift has no
/// spelling for. HotlineCore issues it for the hash-table slots of a small
/// batch of rows before it looks any of them up, so that their cache misses
/// overlap instead of following one another.
static inline void hotline_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif

/*
 * monkey/mk_core.h (flbc host): the doubly linked list of Monkey's mk_core,
 * which Fluent Bit uses for config properties and CLIST/SLIST values.
 *
 * Mirrors the names and semantics of monkey/mk_core/mk_list.h; only the
 * list is declared because plugins touch nothing else of Monkey.
 */
#ifndef MK_CORE_H
#define MK_CORE_H

#include <stddef.h>

/* A circular list: an empty head points at itself. */
struct mk_list {
    struct mk_list *prev, *next;
};

static inline void mk_list_init(struct mk_list *list)
{
    list->next = list;
    list->prev = list;
}

/* Appends at the tail, as Monkey does. */
static inline void mk_list_add(struct mk_list *entry, struct mk_list *head)
{
    entry->prev = head->prev;
    entry->next = head;
    head->prev->next = entry;
    head->prev = entry;
}

static inline void mk_list_del(struct mk_list *entry)
{
    entry->prev->next = entry->next;
    entry->next->prev = entry->prev;
    entry->prev = NULL;
    entry->next = NULL;
}

/* Monkey's convention: 0 when empty, -1 otherwise. */
static inline int mk_list_is_empty(struct mk_list *head)
{
    return head->next == head ? 0 : -1;
}

static inline int mk_list_size(struct mk_list *head)
{
    int n = 0;
    struct mk_list *it;

    for (it = head->next; it != head; it = it->next) {
        n++;
    }
    return n;
}

#define mk_list_foreach(curr, head) \
    for (curr = (head)->next; curr != (head); curr = curr->next)

#define mk_list_foreach_safe(curr, n, head)                             \
    for (curr = (head)->next, n = curr->next; curr != (head);           \
         curr = n, n = curr->next)

/* Portable container_of: offsetof instead of GNU typeof. */
#define mk_list_entry(ptr, type, member) \
    ((type *) ((char *) (ptr) - offsetof(type, member)))

#define mk_list_entry_first(ptr, type, member) \
    mk_list_entry((ptr)->next, type, member)

#define mk_list_entry_last(ptr, type, member) \
    mk_list_entry((ptr)->prev, type, member)

#endif

/* k_list.c — kernel: linked-list walks (pointer chasing, load-use chains).
 *
 * The nodes sit in one array but are linked in a shuffled order, so each step
 * loads the next pointer from a distant place. run walks the list several
 * times, summing values and finding the maximum, and once splices every
 * second node out and back in (stores through pointers). check: count, sum
 * and maximum agree with a plain loop over the array, and the list is intact.
 */
#include "bench.h"

#define LIST_N      1024
#define LIST_PASSES 40

struct node {
  struct node *next;
  uint32_t value;
  uint32_t key;
  uint32_t spare;
};

static struct node nodes[LIST_N];
static struct node *head;
static uint32_t walked, max_seen;

static void setup(void)
{
  static uint16_t order[LIST_N];
  uint32_t seed = 0x5EED5u;
  for (unsigned i = 0; i < LIST_N; i++)
    order[i] = (uint16_t)i;
  for (unsigned i = LIST_N - 1; i > 0; i--) {  /* Fisher-Yates shuffle */
    unsigned j = xorshift32(&seed) % (i + 1);
    uint16_t t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (unsigned i = 0; i < LIST_N; i++) {
    struct node *n = &nodes[order[i]];
    n->value = xorshift32(&seed) & 0xFFFF;
    n->key = order[i];
    n->next = i + 1 < LIST_N ? &nodes[order[i + 1]] : NULL;
  }
  head = &nodes[order[0]];
}

/* Unlinks every second node into a side list, then links them back in
 * after their former predecessors: the list ends as it began. */
static void splice_out_and_back(void)
{
  struct node *removed = NULL;
  for (struct node *p = head; p && p->next; p = p->next) {
    struct node *victim = p->next;
    p->next = victim->next;
    victim->spare = (uint32_t)(uintptr_t)p;   /* remember where it came from */
    victim->next = removed;
    removed = victim;
  }
  while (removed) {                           /* re-insert, last removed first */
    struct node *victim = removed;
    removed = victim->next;
    struct node *p = (struct node *)(uintptr_t)victim->spare;
    victim->next = p->next;
    p->next = victim;
  }
}

static uint32_t run(void)
{
  uint32_t sum = 0, count = 0, max = 0;
  for (int pass = 0; pass < LIST_PASSES; pass++) {
    for (struct node *p = head; p; p = p->next) {
      sum += p->value;
      count++;
      if (p->value > max)
        max = p->value;
    }
    if (pass == LIST_PASSES / 2)
      splice_out_and_back();
  }
  walked = count;
  max_seen = max;
  return sum;
}

static const char *check(uint32_t sum)
{
  uint32_t expect_sum = 0, expect_max = 0;
  for (unsigned i = 0; i < LIST_N; i++) {
    expect_sum += nodes[i].value;
    if (nodes[i].value > expect_max)
      expect_max = nodes[i].value;
  }
  if (walked != LIST_N * LIST_PASSES)
    return "node count";
  if (sum != expect_sum * LIST_PASSES || max_seen != expect_max)
    return "sum or maximum";
  unsigned n = 0;                             /* intact: visits each key once */
  static uint8_t seen[LIST_N];
  memset(seen, 0, sizeof seen);
  for (struct node *p = head; p; p = p->next, n++) {
    if (n >= LIST_N || p->key >= LIST_N || seen[p->key])
      return "list broken after splicing";
    seen[p->key] = 1;
  }
  return n == LIST_N ? NULL : "list lost nodes";
}

const struct kernel k_list = { "list", setup, run, check };

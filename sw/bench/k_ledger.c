/* k_ledger.c — kernel: branchy record processing (the Dhrystone niche).
 *
 * A toy bank: accounts are structs with a short owner name, a balance, a
 * status and a tier; transactions (deposit, withdraw, transfer, freeze, thaw,
 * lookup-by-name transfer) are dispatched through a table of handlers that
 * validate, compute tier-dependent fees with a switch, compare names, update
 * records and append a log entry (struct copy). check replays the log with
 * plain array arithmetic from the initial balances and must reach the same
 * final balances; money is conserved, and accepted + rejected = all.
 */
#include "bench.h"

#define N_ACCOUNTS 32
#define N_TXNS     2400
#define NAME_LEN   12

enum txn_kind { TXN_DEPOSIT, TXN_WITHDRAW, TXN_TRANSFER, TXN_FREEZE, TXN_THAW, TXN_PAY_NAMED,
                TXN_KINDS };
enum acc_status { ACC_OPEN, ACC_FROZEN };
enum acc_tier { TIER_BASIC, TIER_SILVER, TIER_GOLD };

struct account {
  char owner[NAME_LEN];
  int32_t balance;
  uint8_t status, tier;
  uint16_t ops;
};

struct txn {
  uint8_t kind, from, to, pad;
  int32_t amount;
  char payee[NAME_LEN];             /* TXN_PAY_NAMED: the receiver, by name */
};

struct log_entry {
  struct txn txn;                   /* the transaction as accepted, to resolved */
  int32_t fee;
};

static struct account accounts[N_ACCOUNTS];
static int32_t initial_balance[N_ACCOUNTS];
static struct txn txns[N_TXNS];
static struct log_entry log_entries[N_TXNS];
static uint32_t n_logged, n_rejected;
static int32_t deposited, withdrawn;

#define BANK 0                      /* account 0 collects the fees */

static const char *const syllables[] = { "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo" };

static void make_name(char *out, uint32_t r)
{
  int n = 0;
  for (int k = 0; k < 4; k++, r >>= 3) {
    const char *s = syllables[r & 7];
    out[n++] = s[0];
    out[n++] = s[1];
  }
  out[n++] = (char)('0' + (r & 7));
  out[n] = '\0';
}

static void setup(void)
{
  uint32_t seed = 0xACC0u;
  for (unsigned i = 0; i < N_ACCOUNTS; i++) {
    struct account *a = &accounts[i];
    make_name(a->owner, i | (xorshift32(&seed) & 0x7FE0u));  /* unique: i in bits 4:0 */
    a->balance = initial_balance[i] = (int32_t)(xorshift32(&seed) % 5000);
    a->status = ACC_OPEN;
    a->tier = (uint8_t)(i % 3);
    a->ops = 0;
  }
  for (unsigned t = 0; t < N_TXNS; t++) {
    struct txn *x = &txns[t];
    uint32_t r = xorshift32(&seed);
    x->kind = (uint8_t)(r % 16 < 6 ? TXN_TRANSFER : r % 16 < 9 ? TXN_PAY_NAMED
                      : r % 16 < 11 ? TXN_DEPOSIT : r % 16 < 13 ? TXN_WITHDRAW
                      : r % 16 < 14 ? TXN_FREEZE : TXN_THAW);
    x->from = (uint8_t)(1 + (r >> 8) % (N_ACCOUNTS - 1));
    x->to = (uint8_t)(1 + (r >> 16) % (N_ACCOUNTS - 1));
    x->amount = (int32_t)((r >> 20) % 900) - 20;     /* a few non-positive: rejected */
    memcpy(x->payee, accounts[x->to].owner, NAME_LEN);
  }
  n_logged = n_rejected = 0;
  deposited = withdrawn = 0;
}

static int32_t fee_for(const struct account *a, int32_t amount)
{
  switch (a->tier) {
  case TIER_GOLD:
    return 0;
  case TIER_SILVER:
    return amount >= 500 ? 2 : 1;
  default:
    return 1 + (amount >> 7);
  }
}

static int usable(const struct account *a)
{
  return a->status == ACC_OPEN;
}

static int names_equal(const char *a, const char *b)
{
  while (*a && *a == *b)
    a++, b++;
  return *a == *b;
}

static void accept(const struct txn *x, uint8_t to, int32_t fee)
{
  struct log_entry *e = &log_entries[n_logged++];
  e->txn = *x;
  e->txn.to = to;
  e->fee = fee;
}

static int do_deposit(const struct txn *x)
{
  struct account *a = &accounts[x->from];
  if (x->amount <= 0 || !usable(a))
    return 0;
  a->balance += x->amount;
  deposited += x->amount;
  accept(x, x->from, 0);
  return 1;
}

static int do_withdraw(const struct txn *x)
{
  struct account *a = &accounts[x->from];
  if (x->amount <= 0 || !usable(a) || a->balance < x->amount)
    return 0;
  a->balance -= x->amount;
  withdrawn += x->amount;
  accept(x, x->from, 0);
  return 1;
}

static int move_money(const struct txn *x, unsigned to)
{
  struct account *src = &accounts[x->from], *dst = &accounts[to];
  if (x->amount <= 0 || to == x->from || !usable(src) || !usable(dst))
    return 0;
  int32_t fee = fee_for(src, x->amount);
  if (src->balance < x->amount + fee)
    return 0;
  src->balance -= x->amount + fee;
  dst->balance += x->amount;
  accounts[BANK].balance += fee;
  dst->ops++;
  accept(x, (uint8_t)to, fee);
  return 1;
}

static int do_transfer(const struct txn *x)
{
  return move_money(x, x->to);
}

static int do_pay_named(const struct txn *x)
{
  for (unsigned i = 1; i < N_ACCOUNTS; i++)
    if (accounts[i].owner[0] == x->payee[0] && names_equal(accounts[i].owner, x->payee))
      return move_money(x, i);
  return 0;
}

static int do_freeze(const struct txn *x)
{
  struct account *a = &accounts[x->from];
  if (a->status == ACC_FROZEN || a->tier == TIER_GOLD)
    return 0;
  a->status = ACC_FROZEN;
  return 1;
}

static int do_thaw(const struct txn *x)
{
  struct account *a = &accounts[x->from];
  if (a->status != ACC_FROZEN)
    return 0;
  a->status = ACC_OPEN;
  return 1;
}

static int (*const handlers[TXN_KINDS])(const struct txn *) = {
  [TXN_DEPOSIT] = do_deposit,   [TXN_WITHDRAW] = do_withdraw, [TXN_TRANSFER] = do_transfer,
  [TXN_FREEZE] = do_freeze,     [TXN_THAW] = do_thaw,         [TXN_PAY_NAMED] = do_pay_named,
};

static uint32_t run(void)
{
  uint32_t accepted = 0;
  for (unsigned t = 0; t < N_TXNS; t++) {
    const struct txn *x = &txns[t];
    accounts[x->from].ops++;
    if (handlers[x->kind](x))
      accepted++;
    else
      n_rejected++;
  }
  return accepted;
}

static const char *check(uint32_t accepted)
{
  int32_t bal[N_ACCOUNTS], sum_initial = 0, sum_final = 0;
  uint32_t money_moves = 0;
  for (unsigned i = 0; i < N_ACCOUNTS; i++) {
    bal[i] = initial_balance[i];
    sum_initial += bal[i];
  }
  for (unsigned k = 0; k < n_logged; k++) {
    const struct log_entry *e = &log_entries[k];
    switch (e->txn.kind) {
    case TXN_DEPOSIT:
      bal[e->txn.from] += e->txn.amount;
      break;
    case TXN_WITHDRAW:
      bal[e->txn.from] -= e->txn.amount;
      break;
    default:                                    /* transfers, by index or by name */
      bal[e->txn.from] -= e->txn.amount + e->fee;
      bal[e->txn.to] += e->txn.amount;
      bal[BANK] += e->fee;
      break;
    }
    money_moves++;
  }
  for (unsigned i = 0; i < N_ACCOUNTS; i++) {
    if (bal[i] != accounts[i].balance)
      return "replayed log does not give the final balances";
    if (bal[i] < 0)
      return "negative balance";
    sum_final += bal[i];
  }
  if (sum_final != sum_initial + deposited - withdrawn)
    return "money not conserved";
  if (accepted + n_rejected != N_TXNS || money_moves > accepted)
    return "accepted + rejected != transactions";
  return NULL;
}

const struct kernel k_ledger = { "ledger", setup, run, check };

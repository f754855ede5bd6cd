-- Hand-written (drizzle-kit generate --custom): drizzle-kit does not model functions or triggers, so
-- later generated migrations neither repeat nor drop these.
--
-- ledger_entries is append-only in the database itself, not only by convention: an entry, once
-- committed, can be neither changed nor removed by any code path, a hand-run query or a future bug.
-- A wrong entry is corrected by a new one (reason 'adjustment'). Row triggers refuse UPDATE and
-- DELETE; a statement trigger refuses TRUNCATE too (row triggers do not fire on it), including the
-- TRUNCATE ... CASCADE of users. To wipe a throwaway database, drop it; the table owner can still
-- `alter table ledger_entries disable trigger user` on purpose (tests that corrupt data do).
create or replace function ledger_entries_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'ledger_entries is append-only: % is not allowed', tg_op
    using errcode = 'P0001',
          hint = 'Correct a balance with a new entry (reason adjustment); never edit or delete one.';
end;
$$;
--> statement-breakpoint
create trigger ledger_entries_no_update_delete
  before update or delete on ledger_entries
  for each row execute function ledger_entries_append_only();
--> statement-breakpoint
create trigger ledger_entries_no_truncate
  before truncate on ledger_entries
  for each statement execute function ledger_entries_append_only();

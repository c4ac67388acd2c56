-- callback-kit reference server: initial schema. Applied once, in a transaction, recorded in schema_migrations.
-- Whole records are kept as JSON (the contract's shapes); the columns beside them are what queries and
-- constraints need.

create table agents (
  id text primary key,
  data jsonb not null
);

create table contacts (
  id text primary key,
  data jsonb not null
);

create table campaigns (
  id text primary key,
  data jsonb not null,
  agent_ids text[] not null default '{}'
);

create table callbacks (
  id text primary key,
  data jsonb not null,
  status text not null check (status in ('scheduled', 'due', 'in-progress', 'completed', 'expired', 'canceled')),
  type text not null check (type in ('personal', 'campaign')),
  kind text not null check (kind in ('callback', 'followup', 'web-callback')),
  owner_agent_id text,
  campaign_id text,
  start_at timestamptz not null,
  end_at timestamptz
);

create index callbacks_start on callbacks (start_at);
create index callbacks_owner on callbacks (owner_agent_id);
create index callbacks_campaign on callbacks (campaign_id);

-- A personal slot seats one callback of its owner: the database refuses a second active one at the same start
-- (the per-slot advisory lock of the server is the first line; this is the backstop).
create unique index callbacks_one_personal_per_owner_slot on callbacks (owner_agent_id, start_at)
  where type = 'personal' and kind <> 'web-callback' and status in ('scheduled', 'due', 'in-progress');

-- Idempotency keys, per principal: the first successful answer, replayed for the same request.
create table idempotency_keys (
  principal text not null,
  key text not null,
  fingerprint text not null,
  result jsonb not null,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);

-- The durable event log. `audience`: the agents who may receive it (null: every agent); supervisors get all.
create table events (
  id bigserial primary key,
  type text not null,
  payload jsonb not null,
  audience text[],
  created_at timestamptz not null default now()
);

-- Events up to `pruned_through` were deleted: a resume from before it gets a resync.
create table event_log_state (
  singleton boolean primary key default true check (singleton),
  pruned_through bigint not null default 0
);
insert into event_log_state (singleton, pruned_through) values (true, 0);

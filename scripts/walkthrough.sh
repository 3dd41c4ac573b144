#!/usr/bin/env bash
# A newcomer's tour of the running service (started with --ledger.demo=true, see README).
# Usage: scripts/walkthrough.sh [base-url]       (default http://localhost:8080)
set -euo pipefail
BASE=${1:-http://localhost:8080}
CID=qh-infant-care
show() { printf '\n### %s\n' "$1"; }
call() { local user=$1; shift; curl -sS -u "$user:demo" -w '\n  -> HTTP %{http_code}\n' "$@"; }
json() { call "$@" -H 'Content-Type: application/json'; }

show "Health (no sign-in needed)"
curl -sS "$BASE/actuator/health"; echo

show "The conference of 青政办函〔2021〕138号"
call viewer "$BASE/api/conferences/$CID"

show "Who sat where on the day of the notice (the roster on a date)"
call viewer "$BASE/api/conferences/$CID/roster?asOf=2021-08-12"

show "The unit directory: duties, member and liaison of every member unit"
call viewer "$BASE/api/units?conferenceId=$CID"

show "省教育厅 files its liaison (effective when filed)"
json unit-education -X PUT "$BASE/api/conferences/$CID/units/education/liaison" \
  -d '{"name":"李联络","title":"学前教育处处长","phone":"0971-6666666","reason":"首次备案"}'

show "省教育厅 proposes a member change; it waits for the conference"
json unit-education -X POST "$BASE/api/conferences/$CID/member-changes" \
  -d "{\"changeId\":\"edu-$(date +%s)\",\"unitCode\":\"education\",\"outgoingPersonId\":\"zhong-zehai\",
       \"incoming\":{\"personId\":\"wang-xin-$(date +%s)\",\"name\":\"王新\",\"title\":\"省教育厅副厅长\"},\"reason\":\"工作变动\"}"

show "A second convener is refused, naming the rule (422 problem details)"
json office -X POST "$BASE/api/conferences/$CID/members" \
  -d '{"personId":"someone","name":"某人","title":"副省长","role":"CONVENER"}'

show "Malformed JSON is a 400, an unknown unit a 404, a viewer writing a 403"
json office -X POST "$BASE/api/conferences/$CID/members" -d '{"personId":'
json office -X POST "$BASE/api/conferences/$CID/members" \
  -d '{"personId":"p1","name":"某","title":"副厅长","role":"MEMBER","unitCode":"nowhere"}'
json viewer -X POST "$BASE/api/conferences/$CID/members" -d '{}'

show "The OpenAPI description"
curl -sS "$BASE/v3/api-docs" | head -c 300; echo

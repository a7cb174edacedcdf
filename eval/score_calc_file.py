"""Aggregate-only scorer for a credit question file (prints no question text)."""
import json, sys
from decimal import Decimal
from assistant.factory import build_assistant
from assistant.conversation import Turn
from eval.assistant_eval import TODAY

def same(a, b, q):
    if a is None or b is None: return a is None and b is None
    return Decimal(str(a)).quantize(Decimal(q)) == Decimal(str(b)).quantize(Decimal(q))

a = build_assistant(today=TODAY)
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
n = calc = exact = clar_ok = clar = wrong = computed_on_clarify = route_ok = 0
lat = []
for r in rows:
    ans = a.ask(r["question"], [Turn(h["role"], h["content"]) for h in r.get("history", [])])
    lat.append(ans.latency_ms)
    n += 1
    e = r["expected"]
    route_ok += ans.route == r["expected_route"]
    if r["expected_route"] == "calculator":
        calc += 1
        c = ans.calculation or {}
        checks = []
        if e.get("availability_pct") is not None: checks.append(same(c.get("availability_pct"), e["availability_pct"], "0.0001"))
        if e.get("credit_amount") is not None: checks.append(same(c.get("credit_amount"), e["credit_amount"], "0.01"))
        if e.get("claim_deadline") is not None: checks.append((c.get("claim_window") or {}).get("deadline") == e["claim_deadline"])
        ok = ans.route == "calculator" and all(checks)
        exact += ok
        if ans.route == "calculator" and e.get("credit_amount") is not None and not same(c.get("credit_amount"), e["credit_amount"], "0.01"):
            wrong += 1
        if ans.route == "clarify": clar += 1
    else:
        clar_ok += ans.route == "clarify"
        computed_on_clarify += ans.route == "calculator"
lat.sort()
print(json.dumps({"file": sys.argv[1], "questions": n, "calculator_expected": calc,
  "exact": exact, "exact_rate": round(exact / calc, 3) if calc else None,
  "asked_back_instead": clar, "wrong_amount": wrong, "wrong_amount_rate": round(wrong / n, 3),
  "clarify_expected": n - calc, "clarify_right": clar_ok, "computed_when_clarify_expected": computed_on_clarify,
  "route_right": round(route_ok / n, 3), "p50_ms": round(lat[len(lat)//2]), "p95_ms": round(lat[int(len(lat)*0.95)])}))

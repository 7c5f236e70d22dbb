# Copy of shared/bench/gen_logs.py, the benchmark workload: N seeded JSON
# access-log lines (~245 bytes, 10 fields). test/bench/bench.ts runs it.
import json, random, sys
random.seed(42)
n = int(sys.argv[1])
methods = ["GET"]*7 + ["POST"]*2 + ["DELETE"]
paths = ["/api/v1/users/%d", "/api/v1/orders/%d", "/static/img/%d.png", "/health", "/login"]
agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
          "curl/8.4.0", "kube-probe/1.29", "Go-http-client/1.1"]
levels = ["info"]*8 + ["warn", "error"]
out = sys.stdout
for i in range(n):
    p = random.choice(paths)
    if "%d" in p: p = p % random.randint(1, 99999)
    st = random.choice([200]*12 + [201, 204, 301, 404, 500, 503])
    rec = {"level": random.choice(levels), "remote": "10.%d.%d.%d" % (random.randint(0,255), random.randint(0,255), random.randint(1,254)),
           "method": random.choice(methods), "path": p, "status": st, "bytes": random.randint(0, 200000),
           "agent": random.choice(agents), "user": "u%05d" % random.randint(0, 50000),
           "password": "s3cr3t-%d" % random.randint(0, 10**6),
           "msg": "%s %s -> %d in %.3fms" % (random.choice(methods), p, st, random.random()*100)}
    out.write(json.dumps(rec, separators=(",", ":")) + "\n")

#!/usr/bin/env bash
# A whole benchmark run on this machine: build, generate a population, start a hub on a fresh H2
# database with the echo ceiling switched on (after measuring the store's own ceiling), drive it, print the report, stop the hub.
# usage: benchmark/draai.sh [SCHOOLS] [PUPILS_PER_SCHOOL] [WARMUP_SCHOOLS] [CLIENTS] [PER_REQUEST] [CEILING_SECONDS] [REQUESTS_PER_SECOND]
# (REQUESTS_PER_SECOND paces all clients together, for latency at a given load; 0 or absent: as fast as the hub answers)
# BENCHMARK_OPHAAL_MS: a school's queue is fetched at most this often while it has nothing more (1000, as a LAS polls)
# BENCHMARK_DB=postgres runs the hub in its 'postgres' profile on an embedded PostgreSQL (the one the tests use) instead of
# H2, so that the same run can be compared on both databases.
# 1.6 million pupils: benchmark/draai.sh 8010 200 10 16 100 60   (see BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
SCHOLEN=${1:-110}; LEERLINGEN=${2:-200}; OPWARMEN=${3:-10}; CLIENTS=${4:-8}; PER_VERZOEK=${5:-50}; PLAFOND=${6:-20}; TEMPO=${7:-0}
[ -f target/bron-hub-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B package -DskipTests
JAR=target/bron-hub-0.1.0-SNAPSHOT.jar
# a throw-away operator password for this run's hub (the driver reads its heap through the operator API)
WACHTWOORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
B=target/benchmark
rm -rf "$B"; mkdir -p "$B"
# one seed for the generator's files and the driver's berichten (BENCHMARK_SEED): with two, the person register knows
# none of the pupils sent and every bericht with a BSN is refused (753), as in every run before 4 December 2026
ZAAD=${BENCHMARK_SEED:-7}
java -cp "$JAR" -Dloader.main=nl.bronhub.benchmark.Generator org.springframework.boot.loader.launch.PropertiesLauncher "$B" "$SCHOLEN" "$LEERLINGEN" "$ZAAD"
# the embedded default's own H2 URL (config/application.yaml), with the database under $B; BENCHMARK_H2 appends settings to try
H2_URL=$(sed -n 's/^ *url: \(jdbc:h2:file:\)\.\/data\/\(.*\)$/\1.\/'"${B//\//\\/}"'\/db\/\2/p' config/application.yaml)
[ -n "$H2_URL" ] || { echo "no H2 URL found in config/application.yaml"; exit 1; }
DATABANK=(--spring.datasource.url="$H2_URL${BENCHMARK_H2:-}")
PG=
HUB=
trap '[ -z "$HUB" ] || kill $HUB 2>/dev/null || true; [ -z "$PG" ] || kill $PG 2>/dev/null || true' EXIT
if [ "${BENCHMARK_DB:-h2}" = postgres ]; then
  # the embedded PostgreSQL is a test dependency: run it from the test class path, in a process of its own
  [ -d target/test-classes/nl/bronhub/benchmark ] || ./mvnw -q -B test-compile
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$B/klassenpad.txt > /dev/null
  java -cp "target/test-classes:$(cat $B/klassenpad.txt)" nl.bronhub.benchmark.IngebouwdePostgres 5439 "$B/pg-url" > "$B/postgres.log" 2>&1 &
  PG=$!
  for _ in $(seq 1 120); do [ -s "$B/pg-url" ] && break; sleep 1; done
  [ -s "$B/pg-url" ] || { echo "the embedded PostgreSQL did not start; see $B/postgres.log"; exit 1; }
  DATABANK=(--spring.profiles.active=demo,postgres --spring.datasource.url="$(cat $B/pg-url)" --spring.datasource.username=postgres --spring.datasource.password=)
fi
# the store's own ceiling first, on the same kind of database without the hub (BENCHMARKS.md): BENCHMARK_OPSLAGPLAFOND
# seconds per way of writing (5; 0 skips it). H2 in a file beside the hub's; PostgreSQL in the run's database, table dropped after.
if [ "${BENCHMARK_OPSLAGPLAFOND:-5}" != 0 ]; then
  if [ -n "$PG" ]; then PLAFOND_DB=(--url="$(cat $B/pg-url)" --gebruiker=postgres --wachtwoord=); else PLAFOND_DB=(--url="${H2_URL/bron-hub/opslagplafond}"); fi
  java -cp "$JAR" -Dloader.main=nl.bronhub.benchmark.Opslagplafond org.springframework.boot.loader.launch.PropertiesLauncher \
    "${PLAFOND_DB[@]}" --seconden="${BENCHMARK_OPSLAGPLAFOND:-5}" --schrijvers=10 --reeks=50
  rm -f "$B"/db/opslagplafond*
fi
java -Xmx${BENCHMARK_HEAP:-2g} ${BENCHMARK_JVM:-} -jar "$JAR" --server.port=8081 --bron.operator.poort=8082 --bron.portaal.poort=8083 --bron.portaal.url=https://localhost:8083/portaal --bron.tls.map=$B/tls \
  "${DATABANK[@]}" \
  --bron.referentie.instellingen=$B/instellingen.yaml --bron.gba.stub.bestanden=$B/gba.yaml \
  --bron.aanleverpunten.bestand=$B/aanleverpunten.yaml --bron.toegang.bestand=$B/toegang.yaml --bron.benchmark.echo=true \
  --bron.terugkoppeling.pagina-grootte=1000 --bron.mail.ingebouwd=false --bron.portaal.wachtwoordbrieven= --bron.operator.wachtwoord="$WACHTWOORD" > "$B/hub.log" 2>&1 &
HUB=$!
# 'ready' (GereedMelding), not Spring's 'Started': in between the LAS door still answers 358
for _ in $(seq 1 600); do grep -qE 'bron-hub ready|APPLICATION FAILED' "$B/hub.log" && break; sleep 1; done
grep -q 'bron-hub ready' "$B/hub.log" || { echo "the hub did not start; see $B/hub.log"; exit 1; }
java -cp "$JAR" -Dloader.main=nl.bronhub.benchmark.Belasting org.springframework.boot.loader.launch.PropertiesLauncher \
  --hub=https://localhost:8081 --operator=https://localhost:8082 --tls=$B/tls --scholen="$SCHOLEN" --leerlingen="$LEERLINGEN" --opwarmen="$OPWARMEN" \
  --clients="$CLIENTS" --per-verzoek="$PER_VERZOEK" --plafond-seconden="$PLAFOND" --tempo="$TEMPO" --ophaal-interval-ms="${BENCHMARK_OPHAAL_MS:-1000}" --operator-wachtwoord="$WACHTWOORD" --seed="$ZAAD"
# a flight recording (BENCHMARK_JVM=-XX:StartFlightRecording=...) is written before the hub stops, and summed up per
# group of threads and hub method (nl.bronhub.benchmark.Profiel) in profiel.md beside it
case "${BENCHMARK_JVM:-}" in *StartFlightRecording*)
  jcmd "$HUB" JFR.dump filename="$PWD/$B/hub.jfr" > /dev/null && echo "profile: $B/hub.jfr" \
    && java -cp "$JAR" -Dloader.main=nl.bronhub.benchmark.Profiel org.springframework.boot.loader.launch.PropertiesLauncher \
         "$B/hub.jfr" 25 > "$B/profiel.md" && echo "profile summary: $B/profiel.md";;
esac
echo "hub warnings and errors: $(grep -cE ' WARN | ERROR ' "$B/hub.log" || true)"

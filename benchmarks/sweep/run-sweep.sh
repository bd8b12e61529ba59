#!/usr/bin/env bash
# Parameter sweep behind SyndicationOptions' defaults: runs `syndicate eval` over labelled corpora for every
# combination of shingle size, near-duplicate threshold, LSH banding and sketch size, and writes a markdown table.
#
#   benchmarks/sweep/run-sweep.sh [OUT.md]
#
# Corpora: the bundled fixtures/synthetic corpus, plus two corpora generated from the ANT news corpus (seeds 5 and 6,
# 400 syndicated stories each) when ../shared/data is present.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-benchmarks/results/sweep.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Syndicate.Cli -c Release -v q -nologo >/dev/null
cli="dotnet src/Syndicate.Cli/bin/Release/net10.0/Syndicate.Cli.dll"

corpora=("fixtures/synthetic")
if [ -d ../shared/data ]; then
  for seed in 5 6; do
    $cli generate --out "$work/ant-$seed" --stories 400 --seed "$seed" --data ../shared/data 2>/dev/null
    corpora+=("$work/ant-$seed")
  done
fi

{
  echo "# Parameter sweep"
  echo
  echo "Command: \`benchmarks/sweep/run-sweep.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))."
  echo "Corpora: ${#corpora[@]} (bundled fixture; ANT-generated seeds 5 and 6 when the shared data is present). Scores are means over the corpora;"
  echo "\`hn\` is the total number of hard negatives merged; \`B/art\` the engine's resident bytes per article on the last corpus."
  echo
  echo "| shingle | threshold | lsh threshold | sketch | pairwise F1 | precision | recall | edited | partial | hn | B/art |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$out"

for k in ${SHINGLES:-3 4 5}; do
  for t in ${THRESHOLDS:-0.4 0.5 0.6}; do
    for lt in ${LSH:-0.3 0.4 0.5}; do
      for s in ${SKETCHES:-64 128}; do
        f1=0; p=0; r=0; ed=0; pa=0; hn=0; n=0; bytes=0
        for c in "${corpora[@]}"; do
          json=$($cli eval --gold "$c/gold.jsonl" "$c/corpus.jsonl" --format json -k "$k" -t "$t" --lsh-threshold "$lt" --sketch-size "$s" --verbosity quiet)
          read -r a b d e g h i < <(python3 -c '
import json,sys
j=json.loads(sys.stdin.read())
print(j["pairwise"]["f1"], j["pairwise"]["precision"], j["pairwise"]["recall"], j["recallByKind"].get("edited",1), j["recallByKind"].get("partial",1), j["hardNegativesMerged"], j.get("bytesPerArticle",0))' <<< "$json")
          f1=$(python3 -c "print($f1+$a)"); p=$(python3 -c "print($p+$b)"); r=$(python3 -c "print($r+$d)")
          ed=$(python3 -c "print($ed+$e)"); pa=$(python3 -c "print($pa+$g)"); hn=$((hn+h)); bytes=$i; n=$((n+1))
        done
        python3 -c "print('| $k | $t | $lt | $s | %.4f | %.4f | %.4f | %.4f | %.4f | $hn | %.0f |' % ($f1/$n, $p/$n, $r/$n, $ed/$n, $pa/$n, $bytes))" >> "$out"
      done
    done
  done
done
echo "wrote $out"

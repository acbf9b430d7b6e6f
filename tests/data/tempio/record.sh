#!/usr/bin/env bash
# Records the reference tempio's behaviour on every case under this
# directory into expected.jsonl, which tests/tempio.rs replays against the
# applet. Each line holds one run: its arguments, its standard input, and
# what came out (stdout, the -out file and its mode, the exit status, and
# stderr with log.Fatal's timestamp removed and a panic cut to its first
# line).
#
#   tests/data/tempio/record.sh /path/to/tempio          # a built binary
#   tests/data/tempio/record.sh /path/to/tempio-checkout # built here first
#
# A checkout is built as upstream's release is, but against Debian's Go and
# sprig (golang-go, golang-github-masterminds-sprig-dev) in GOPATH mode.
# Needs jq.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
reference=${1:?usage: record.sh /path/to/tempio-binary-or-checkout}
version=2026.07.0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -d "$reference" ]; then
    mkdir -p "$work/gopath/src/tempio"
    for f in "$reference"/*.go; do
        case "$f" in *_test.go) continue ;; esac
        sed 's|github.com/Masterminds/sprig/v3|github.com/Masterminds/sprig|' "$f" \
            >"$work/gopath/src/tempio/$(basename "$f")"
    done
    (cd "$work/gopath/src/tempio" &&
        GO111MODULE=off GOPATH="$work/gopath:/usr/share/gocode" \
            go build -ldflags "-X main.TempioVersion=$version" -o "$work/tempio" .)
    reference=$work/tempio
fi
reference=$(cd "$(dirname "$reference")" && pwd)/$(basename "$reference")

cd "$here"
export -n GOPATH 2>/dev/null || true
run_env=(env -i PATH=/usr/bin:/bin HOME=/nonexistent TZ=UTC
    TEMPIO_TEST_VAR=test-value SUPERVISOR_TOKEN=supervisor-token-123 HOSTNAME=tempio-host)

out=$work/expected.jsonl
: >"$out"

# One run: STDIN (a file, or - for none), SETUP (none, pre600), ARGS...
# "@OUT@" in ARGS stands for an output file in a fresh directory.
record() {
    local stdin=$1 setup=$2
    shift 2
    local dir=$work/run
    rm -rf "$dir" && mkdir -p "$dir"
    local args=() a
    for a in "$@"; do args+=("${a//@OUT@/$dir/out.txt}"); done
    if [ "$setup" = pre600 ]; then
        printf 'old\n' >"$dir/out.txt"
        chmod 600 "$dir/out.txt"
    fi
    local status=0
    if [ "$stdin" = - ]; then
        "${run_env[@]}" "$reference" "${args[@]}" </dev/null >"$dir/stdout" 2>"$dir/stderr" || status=$?
    else
        "${run_env[@]}" "$reference" "${args[@]}" <"$stdin" >"$dir/stdout" 2>"$dir/stderr" || status=$?
    fi
    if head -c 7 "$dir/stderr" | grep -q '^panic: '; then
        head -n 1 "$dir/stderr" >"$dir/stderr.n"
    else
        sed -E 's#^[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} ##' "$dir/stderr" >"$dir/stderr.n"
    fi
    local file=null mode=null
    if [ -f "$dir/out.txt" ]; then
        file=$(jq -Rs . <"$dir/out.txt")
        mode=$(stat -c %a "$dir/out.txt")
        mode=\"$mode\"
    fi
    local argv
    argv=$(for a in "$@"; do printf '%s\n' "$a"; done | jq -R . | jq -sc .)
    jq -cn --argjson args "$argv" \
        --arg stdin "$stdin" --arg setup "$setup" --argjson status "$status" \
        --rawfile stdout "$dir/stdout" --rawfile stderr "$dir/stderr.n" \
        --argjson file "$file" --argjson mode "$mode" \
        '{args: $args, stdin: $stdin, setup: $setup, status: $status,
          stdout: $stdout, stderr: $stderr, file: $file, mode: $mode}' >>"$out"
}

# Real add-on templates, each with its option sets and with none.
for t in addons/*.tmpl; do
    name=${t%.tmpl}
    first=1
    for o in "$name".*.json empty.json; do
        [ -f "$o" ] || continue
        record - none -template "$t" -conf "$o"
        if [ "$first" = 1 ]; then
            record "$o" none -template "$t"
            record - none -template "$t" -conf "$o" -out @OUT@
            first=0
        fi
    done
done

# Synthetic feature templates with two option sets and none.
for t in features/*.tmpl; do
    for o in data.1.json data.2.json empty.json; do
        record - none -template "$t" -conf "$o"
    done
    record data.1.json none -template "$t" -out @OUT@
done

# Templates that do not parse.
for t in errors/*.tmpl; do
    record empty.json none -template "$t"
done

# Configurations, each through stdin and through -conf.
for i in inputs/*; do
    record "$i" none -template features/fields.tmpl
    record - none -template features/fields.tmpl -conf "$i"
done

# Flags and files.
record - none -h
record - none -help
record - none --help
record - none
record - none -x
record - none --x=1
record - none ---template
record - none -=x
record - none -template
record - none -conf data.1.json
record - none -template features/fields.tmpl -conf
record - none --template=features/fields.tmpl --conf=data.1.json
record - none -template=features/fields.tmpl -conf data.1.json
record - none --template features/fields.tmpl -conf=data.1.json
record - none -template features/nope.tmpl -template features/fields.tmpl -conf data.1.json
record - none -template features/fields.tmpl -conf data.1.json extra -out @OUT@
record - none -template features/fields.tmpl -- -conf data.1.json
record - none -template nonexistent.tmpl -conf data.1.json
record - none -template features -conf data.1.json
record - none -template features/fields.tmpl -conf nonexistent.json
record - none -template features/fields.tmpl -conf features
record - none -template features/fields.tmpl -conf data.1.json -out /nonexistent/dir/out.txt
record - none -template features/fields.tmpl -conf data.1.json -out features
record - pre600 -template features/fields.tmpl -conf data.1.json -out @OUT@
record - pre600 -template features/fail.tmpl -conf data.1.json -out @OUT@
record - pre600 -template errors/unknown-function.tmpl -conf data.1.json -out @OUT@
record data.1.json none -template features/output-no-newline.tmpl
record - none -template features/output-no-newline.tmpl -conf data.1.json -out @OUT@

mv "$out" "$here/expected.jsonl"
echo "recorded $(wc -l <"$here/expected.jsonl") runs into $here/expected.jsonl"

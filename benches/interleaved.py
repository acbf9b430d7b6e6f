#!/usr/bin/env python3
"""Times commands in turn, one run of each per round, and prints each one's
median beside the first's. hyperfine runs one command's runs in a row: on a
machine whose speed moves within a minute, its baseline and the command it
is compared with meet different moments. Here each round meets the same
moment, and no command runs with its caches warmed by its own last run.

    benches/interleaved.py [-n ROUNDS] COMMAND...

Each COMMAND is one word list, split as the shell would (`'bash -c :'`);
stdout goes to /dev/null. For example, an empty script's start:

    printf '#!%s\\n' "$PWD/target/x86_64-unknown-linux-gnu/release/bashio" >/tmp/empty.sh
    chmod +x /tmp/empty.sh
    benches/interleaved.py -n 500 'bash -c :' /tmp/empty.sh
"""
import argparse
import shlex
import statistics
import subprocess
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", "--rounds", type=int, default=300)
    parser.add_argument("commands", nargs="+")
    options = parser.parse_args()
    commands = [shlex.split(command) for command in options.commands]
    times = [[] for _ in commands]
    for round_ in range(options.rounds + 10):
        for command, runs in zip(commands, times):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            if round_ >= 10:  # the first rounds warm up
                runs.append(time.perf_counter() - start)
    first = statistics.median(times[0])
    for text, runs in zip(options.commands, times):
        median = statistics.median(runs)
        print(f"{median * 1000:8.3f} ms  {median / first:5.2f}x  {text}")


if __name__ == "__main__":
    main()

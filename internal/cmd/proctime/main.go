//go:build unix

// Command proctime times whole processes for scripts/bench.sh: it runs
// two commands one after the other, RUNS times each, alternating them so
// that a shared host's drift falls on both alike, and prints the median
// wall time and the median CPU time (user + system, from the kernel's
// accounting of the process) of each, in milliseconds:
//
//	WALL1 CPU1 WALL2 CPU2
//
// It starts the commands itself, with their output discarded, so no shell
// or time(1) process is counted in: a few milliseconds that, on a run of
// 20 ms, moved the ratio of two commands towards 1.
//
// Usage: go run ./internal/cmd/proctime RUNS CMD1 [ARG...] -- CMD2 [ARG...]
package main

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"syscall"
	"time"
)

func main() {
	runs, cmds, err := parseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "proctime:", err)
		fmt.Fprintln(os.Stderr, "usage: proctime RUNS CMD1 [ARG...] -- CMD2 [ARG...]")
		os.Exit(2)
	}
	walls := make([][]float64, len(cmds))
	cpus := make([][]float64, len(cmds))
	for range runs {
		for i, c := range cmds {
			wall, cpu, err := timeRun(c)
			if err != nil {
				fmt.Fprintln(os.Stderr, "proctime:", err)
				os.Exit(1)
			}
			walls[i] = append(walls[i], wall)
			cpus[i] = append(cpus[i], cpu)
		}
	}
	for i := range cmds {
		if i > 0 {
			fmt.Print(" ")
		}
		fmt.Printf("%.1f %.1f", median(walls[i]), median(cpus[i]))
	}
	fmt.Println()
}

// parseArgs splits RUNS CMD1... -- CMD2... into the run count and the two
// commands.
func parseArgs(args []string) (int, [][]string, error) {
	if len(args) < 1 {
		return 0, nil, fmt.Errorf("no run count")
	}
	runs, err := strconv.Atoi(args[0])
	if err != nil || runs < 1 {
		return 0, nil, fmt.Errorf("run count %q: want a positive number", args[0])
	}
	sep := slices.Index(args, "--")
	if sep < 2 || sep == len(args)-1 {
		return 0, nil, fmt.Errorf("want two commands separated by --")
	}
	return runs, [][]string{args[1:sep], args[sep+1:]}, nil
}

// timeRun runs c with its output discarded and returns its wall and CPU
// time in milliseconds. A command that fails still counts: what matters
// is how long it took.
func timeRun(c []string) (wall, cpu float64, err error) {
	cmd := exec.Command(c[0], c[1:]...)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	_ = cmd.Wait()
	wall = float64(time.Since(start).Microseconds()) / 1000
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		cpu = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
	}
	return wall, cpu, nil
}

// median of xs, which it sorts.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

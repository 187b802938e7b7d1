// Command go-engine measures the decisions per second of the Go notifications engine (argoproj/notifications-engine
// at the version Argo CD pins, with expr v1.17.8 and sprig v3.3.0) on the scenario bench/go-engine.ts hands it on
// stdin: the ConfigMap's data, the Secret, and the resource, all as JSON. It prints one JSON object on stdout: the
// module versions it was built with, what its first decision sent and recorded (so the caller can check that both
// engines made the same decision), and the decisions per second of
//   - steady state: every notification already recorded, so every condition runs and nothing is rendered;
//   - first sight: nothing recorded, so every triggered condition renders its templates, all service blocks, for
//     every destination;
//
// each with the state handed over as a value (`stateValue`, as bench/evaluate.ts measures `evaluate`) and read from and
// written back to the resource's annotation (`annotation`, a whole controller pass). Rates are measured as in
// bench/_measure.ts: 200 warm-up calls, then batches until -ms milliseconds of the process's CPU time have passed.
//
// With -cold it is bench/cold-start's Go contestant instead: it reads the configuration and makes the first decision
// once, in the fresh process, and prints how long each took (see runCold).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"syscall"
	"time"

	"github.com/argoproj/notifications-engine/pkg/api"
	"github.com/argoproj/notifications-engine/pkg/controller"
	"github.com/argoproj/notifications-engine/pkg/services"
	log "github.com/sirupsen/logrus"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

type input struct {
	ConfigMap struct {
		Data map[string]string `json:"data"`
	} `json:"configMap"`
	Secret struct {
		StringData map[string]string `json:"stringData"`
	} `json:"secret"`
	Resource json.RawMessage `json:"resource"`
}

// Send is one notification the first decision sent.
type Send struct {
	Templates []string `json:"templates"`
	Service   string   `json:"service"`
	Recipient string   `json:"recipient"`
	Message   string   `json:"message"`
}

type rates struct {
	StateValue float64 `json:"stateValue"`
	Annotation float64 `json:"annotation"`
}

type output struct {
	Go      string            `json:"go"`
	Modules map[string]string `json:"modules"`
	Check   struct {
		Sends     []Send   `json:"sends"`
		StateKeys []string `json:"stateKeys"`
	} `json:"check"`
	Steady     rates `json:"steady"`
	FirstSight rates `json:"firstSight"`
	// Config is configurations read per second: ParseConfig and NewAPI (YAML, expr, text/template, the services), the
	// work decodeConfig does.
	Config float64 `json:"config"`
}

// sink stands in for every notification service: it receives the rendered notification and delivers nothing. While
// `record` is set it keeps the last notification it received.
type sink struct {
	record bool
	last   services.Notification
}

func (s *sink) Send(n services.Notification, _ services.Destination) error {
	if s.record {
		s.last = n
	}
	return nil
}

// recorder is the engine's API, keeping what each send rendered; only the first decision runs through it.
type recorder struct {
	api.API
	sinks map[string]*sink
	sends []Send
}

func (r *recorder) Send(obj map[string]any, templates []string, dest services.Destination) error {
	if err := r.API.Send(obj, templates, dest); err != nil {
		return err
	}
	r.sends = append(r.sends, Send{templates, dest.Service, dest.Recipient, r.sinks[dest.Service].last.Message})
	return nil
}

func main() {
	ms := flag.Float64("ms", 400, "CPU milliseconds to measure each figure for")
	cold := flag.Bool("cold", false, "time the configuration read and the first decision once, in this fresh process")
	flag.Parse()
	var err error
	if *cold {
		err = runCold(os.Stdin, os.Stdout)
	} else {
		err = run(os.Stdin, os.Stdout, *ms)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-engine:", err)
		os.Exit(1)
	}
}

// goEngine is the Go engine made from a scenario's configuration, with a sink for every service.
type goEngine struct {
	api.API
	sinks   map[string]*sink
	secret  map[string][]byte
	getVars api.GetVars
}

// newEngine reads the scenario's ConfigMap and Secret as the Go controller does: `api.ParseConfig` and `api.NewAPI`
// (YAML, expr, text/template, the services), with Argo CD's variables.
func newEngine(in input) (goEngine, error) {
	secret := map[string][]byte{}
	for k, v := range in.Secret.StringData {
		secret[k] = []byte(v)
	}
	cfg, err := api.ParseConfig(&corev1.ConfigMap{Data: in.ConfigMap.Data}, &corev1.Secret{Data: secret})
	if err != nil {
		return goEngine{}, fmt.Errorf("the catalog does not parse: %w", err)
	}
	getVars, err := argoCDGetVars(in.ConfigMap.Data, secret)
	if err != nil {
		return goEngine{}, err
	}
	a, err := api.NewAPI(*cfg, getVars)
	if err != nil {
		return goEngine{}, fmt.Errorf("the catalog does not compile: %w", err)
	}
	sinks := map[string]*sink{}
	for name := range cfg.Services {
		sinks[name] = &sink{}
		a.AddNotificationService(name, sinks[name])
	}
	return goEngine{API: a, sinks: sinks, secret: secret, getVars: getVars}, nil
}

func run(stdin io.Reader, stdout io.Writer, ms float64) error {
	// The engine's own debug lines (one per false condition) are skipped, as in an Argo CD running at info level.
	log.SetLevel(log.WarnLevel)
	var in input
	if err := json.NewDecoder(stdin).Decode(&in); err != nil {
		return fmt.Errorf("reading the scenario: %w", err)
	}
	engine, err := newEngine(in)
	if err != nil {
		return err
	}
	sinks, secret, getVars := engine.sinks, engine.secret, engine.getVars
	res := &unstructured.Unstructured{}
	if err := res.UnmarshalJSON(in.Resource); err != nil {
		return fmt.Errorf("reading the resource: %w", err)
	}

	var out output
	out.Go = runtime.Version()
	out.Modules = modules()

	// The first decision, recorded.
	steadyState := controller.NotificationsState{}
	rec := &recorder{API: engine, sinks: sinks}
	for _, s := range sinks {
		s.record = true
	}
	if failed := decide(rec, res, steadyState); failed > 0 {
		return fmt.Errorf("the first decision failed %d times", failed)
	}
	for _, s := range sinks {
		s.record = false
	}
	out.Check.Sends = rec.sends
	for k := range steadyState {
		out.Check.StateKeys = append(out.Check.StateKeys, k)
	}
	sort.Strings(out.Check.StateKeys)
	sort.Slice(out.Check.Sends, func(i, j int) bool { return sendKey(out.Check.Sends[i]) < sendKey(out.Check.Sends[j]) })

	annotated := res.DeepCopy()
	persisted, err := steadyState.Persist(res)
	if err != nil {
		return err
	}
	annotated.SetAnnotations(persisted)
	if n := len(controller.NewStateFromRes(annotated)); n != len(steadyState) {
		return fmt.Errorf("the persisted state has %d entries, not %d", n, len(steadyState))
	}

	check := func(failed int) {
		if failed > 0 {
			panic(fmt.Sprintf("a decision failed %d times", failed))
		}
	}
	out.Steady.StateValue = measure(func() { check(decide(engine, res, steadyState)) }, ms)
	out.Steady.Annotation = measure(func() { mustPass(engine, annotated) }, ms)
	out.FirstSight.StateValue = measure(func() { check(decide(engine, res, controller.NotificationsState{})) }, ms)
	out.FirstSight.Annotation = measure(func() { mustPass(engine, res) }, ms)
	out.Config = measure(func() {
		c, err := api.ParseConfig(&corev1.ConfigMap{Data: in.ConfigMap.Data}, &corev1.Secret{Data: secret})
		if err != nil {
			panic(err)
		}
		if _, err := api.NewAPI(*c, getVars); err != nil {
			panic(err)
		}
	}, ms)
	if len(steadyState) != len(out.Check.StateKeys) {
		return fmt.Errorf("the steady state changed while measuring")
	}
	return json.NewEncoder(stdout).Encode(out)
}

// coldOutput is what -cold prints: milliseconds of wall-clock time, and how many notifications were sent.
type coldOutput struct {
	Decode float64 `json:"decode"`
	First  float64 `json:"first"`
	Sent   int     `json:"sent"`
}

// runCold is the Go side of bench/cold-start: in a fresh process, `api.ParseConfig` + `api.NewAPI` (what decodeConfig
// does: YAML, expr, text/template, services) and then the first decision at first sight, each timed once. Reading the
// scenario's JSON is left out, as the JavaScript child leaves out its JSON.parse. What comes before `main` (the runtime
// and the packages' initialisation, Go's counterpart of importing the engine) is not timed here: the caller runs the
// binary with GODEBUG=inittrace=1 and reads it from the trace.
func runCold(stdin io.Reader, stdout io.Writer) error {
	log.SetLevel(log.WarnLevel)
	var in input
	if err := json.NewDecoder(stdin).Decode(&in); err != nil {
		return fmt.Errorf("reading the scenario: %w", err)
	}
	res := &unstructured.Unstructured{}
	if err := res.UnmarshalJSON(in.Resource); err != nil {
		return fmt.Errorf("reading the resource: %w", err)
	}
	t0 := time.Now()
	engine, err := newEngine(in)
	if err != nil {
		return err
	}
	t1 := time.Now()
	for _, s := range engine.sinks {
		s.record = true
	}
	rec := &recorder{API: engine, sinks: engine.sinks}
	if failed := decide(rec, res, controller.NotificationsState{}); failed > 0 {
		return fmt.Errorf("the first decision failed %d times", failed)
	}
	t2 := time.Now()
	ms := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
	return json.NewEncoder(stdout).Encode(coldOutput{Decode: ms(t1.Sub(t0)), First: ms(t2.Sub(t1)), Sent: len(rec.sends)})
}

func mustPass(a api.API, res *unstructured.Unstructured) {
	if _, err := controllerPass(a, res); err != nil {
		panic(err)
	}
}

func sendKey(s Send) string {
	return fmt.Sprint(s.Templates) + "\x00" + s.Service + "\x00" + s.Recipient
}

// modules lists the versions of the upstream modules this binary was built with.
func modules() map[string]string {
	res := map[string]string{}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return res
	}
	for _, m := range info.Deps {
		switch m.Path {
		case "github.com/argoproj/notifications-engine", "github.com/expr-lang/expr", "github.com/Masterminds/sprig/v3":
			res[m.Path] = m.Version
		}
	}
	return res
}

// measure is bench/_measure.ts's `measure`, in Go: operations per second of fn over `ms` milliseconds of CPU time.
func measure(fn func(), ms float64) float64 {
	for i := 0; i < 200; i++ {
		fn()
	}
	ops, batch := 0, 16
	start := cpuMs()
	elapsed := 0.0
	for elapsed < ms {
		for i := 0; i < batch; i++ {
			fn()
		}
		ops += batch
		elapsed = cpuMs() - start
		if elapsed < ms/20 {
			batch *= 2
		}
	}
	return float64(ops) * 1000 / elapsed
}

// cpuMs is the CPU time of the whole process (every thread, the garbage collector's included), as Node's
// `process.cpuUsage()` counts it.
func cpuMs() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
}

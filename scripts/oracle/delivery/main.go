// Command delivery is the Go side of the delivery differential: it renders each case's template with the Go
// engine's template service, sends it with the Go engine's own service (services.NewService, as the controller
// builds it from the ConfigMap), to a loopback receiver that records every request and answers as the case says,
// and prints the recorded requests and the Send error as JSON. Requests to a service's fixed public host (Telegram,
// Pushover) go through http.DefaultTransport, which is replaced by one that sends them to the receiver and records
// the host they were meant for.
//
//	go run . < cases.json > ../../../tests/conformance/delivery/go-requests.json
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/argoproj/notifications-engine/pkg/services"
	"github.com/argoproj/notifications-engine/pkg/templates"
	log "github.com/sirupsen/logrus"
	"sigs.k8s.io/yaml"
)

type reply struct {
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
}

type testCase struct {
	Name        string         `json:"name"`
	Type        string         `json:"type"`
	Service     string         `json:"service"`
	Settings    string         `json:"settings"`
	Template    string         `json:"template"`
	Vars        map[string]any `json:"vars"`
	Recipient   string         `json:"recipient"`
	Sends       int            `json:"sends"`
	Replies     []reply        `json:"replies"`
	ReplyAlways *reply         `json:"replyAlways,omitempty"`
	// Settings added on our side only (the base URL of a service the Go engine sends to a fixed host).
	TsSettings string `json:"tsSettings,omitempty"`
	// Where our request differs on purpose, by the name the comparison knows (see the test).
	Deviations []string `json:"deviations,omitempty"`
}

type recorded struct {
	Method  string              `json:"method"`
	Host    string              `json:"host"`
	Path    string              `json:"path"`
	Query   string              `json:"query"`
	Headers map[string][]string `json:"headers"`
	Body    string              `json:"body"`
}

type result struct {
	Case     testCase   `json:"case"`
	Requests []recorded `json:"requests"`
	Errors   []string   `json:"errors"`
}

type receiver struct {
	mu       sync.Mutex
	server   *httptest.Server
	replies  []reply
	always   *reply
	requests []recorded
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	host := req.Header.Get("X-Oracle-Host")
	req.Header.Del("X-Oracle-Host")
	if host == "" {
		host = "receiver"
	}
	r.requests = append(r.requests, recorded{
		Method: req.Method, Host: host, Path: req.URL.EscapedPath(), Query: req.URL.RawQuery,
		Headers: req.Header, Body: string(body),
	})
	var rep reply
	switch {
	case len(r.replies) > 0:
		rep, r.replies = r.replies[0], r.replies[1:]
	case r.always != nil:
		rep = *r.always
	default:
		rep = reply{Status: 200}
	}
	r.mu.Unlock()
	for k, v := range rep.Headers {
		w.Header().Set(k, v)
	}
	if rep.Status == 0 {
		rep.Status = 200
	}
	w.WriteHeader(rep.Status)
	_, _ = w.Write([]byte(rep.Body))
}

// redirect sends requests meant for public hosts to the receiver, saying which host they were for.
type redirect struct {
	target *url.URL
	next   http.RoundTripper
}

func (t redirect) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != t.target.Host {
		req = req.Clone(req.Context())
		req.Header.Set("X-Oracle-Host", req.URL.Scheme+"://"+req.URL.Host)
		req.URL.Scheme = t.target.Scheme
		req.URL.Host = t.target.Host
		req.Host = t.target.Host
	}
	return t.next.RoundTrip(req)
}

func run(rc *receiver, c testCase) result {
	rc.mu.Lock()
	rc.replies = append([]reply(nil), c.Replies...)
	rc.always = c.ReplyAlways
	rc.requests = nil
	rc.mu.Unlock()
	res := result{Case: c, Requests: []recorded{}, Errors: []string{}}
	fail := func(err error) result {
		res.Errors = append(res.Errors, err.Error())
		return res
	}
	host := strings.TrimPrefix(rc.server.URL, "http://")
	settings, err := yaml.YAMLToJSON([]byte(strings.NewReplacer("{{SERVER}}", rc.server.URL, "{{HOST}}", host).Replace(c.Settings)))
	if err != nil {
		return fail(err)
	}
	svc, err := services.NewService(c.Type, settings)
	if err != nil {
		return fail(err)
	}
	var tmpl services.Notification
	if err := yaml.Unmarshal([]byte(c.Template), &tmpl); err != nil {
		return fail(err)
	}
	tsvc, err := templates.NewService(map[string]services.Notification{"t": tmpl})
	if err != nil {
		return fail(err)
	}
	vars := map[string]any{}
	for k, v := range c.Vars {
		vars[k] = v
	}
	vars["serviceType"] = c.Service
	vars["recipient"] = c.Recipient
	n, err := tsvc.FormatNotification(vars, "t")
	if err != nil {
		return fail(err)
	}
	sends := c.Sends
	if sends == 0 {
		sends = 1
	}
	for i := 0; i < sends; i++ {
		err := svc.Send(*n, services.Destination{Service: c.Service, Recipient: c.Recipient})
		if err != nil {
			res.Errors = append(res.Errors, strings.NewReplacer(rc.server.URL, "{{SERVER}}", host, "{{HOST}}").Replace(err.Error()))
		} else {
			res.Errors = append(res.Errors, "")
		}
	}
	rc.mu.Lock()
	res.Requests = append(res.Requests, rc.requests...)
	rc.mu.Unlock()
	return res
}

func main() {
	log.SetLevel(log.PanicLevel)
	var cases []testCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rc := &receiver{}
	rc.server = httptest.NewServer(rc)
	defer rc.server.Close()
	target, _ := url.Parse(rc.server.URL)
	http.DefaultTransport = redirect{target: target, next: &http.Transport{}}
	results := make([]result, 0, len(cases))
	names := map[string]bool{}
	for _, c := range cases {
		if names[c.Name] {
			fmt.Fprintf(os.Stderr, "duplicate case %q\n", c.Name)
			os.Exit(1)
		}
		names[c.Name] = true
		results = append(results, run(rc, c))
	}
	out := json.NewEncoder(os.Stdout)
	out.SetIndent("", "  ")
	out.SetEscapeHTML(false)
	if err := out.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

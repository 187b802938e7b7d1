// Command delivery is the Go side of the delivery differential: it renders each case's template with the Go
// engine's template service, sends it with the Go engine's own service (services.NewService, as the controller
// builds it from the ConfigMap), to a loopback receiver that records every request and answers as the case says,
// and prints the recorded requests and the Send error as JSON. Requests to a service's fixed public host (Telegram,
// Pushover) go through http.DefaultTransport, which is replaced by one that sends them to the receiver and records
// the host they were meant for; go-pagerduty's own client (not the engine's to configure) is given the same transport.
// The AWS SDK's clock is fixed at the time the TypeScript side's test clock shows, so both sides' SigV4 signatures
// are computed for the same instant and compare byte for byte; the receiver's Date header says the same time (no
// clock skew for the SDK to correct). A case's {{PRIVATE_KEY}} is a fresh RSA key (PKCS#1 PEM, as GitHub issues
// them), its public half recorded with the case's requests so the test can check the JWTs signed with it. E-mail
// goes to a loopback SMTP server (smtp.go) at {{SMTP_PORT}}, which records every message it accepts.
//
//	go run . < cases.json > ../../../tests/conformance/delivery/go-requests.json
package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
	_ "unsafe" // go:linkname

	"github.com/PagerDuty/go-pagerduty"

	"github.com/argoproj/notifications-engine/pkg/services"
	"github.com/argoproj/notifications-engine/pkg/templates"
	log "github.com/sirupsen/logrus"
	"sigs.k8s.io/yaml"
)

// The AWS SDK's clock (an internal variable the SDK's own tests replace).
//
//go:linkname awsNow github.com/aws/aws-sdk-go-v2/internal/sdk.NowTime
var awsNow func() time.Time

// go-pagerduty's package-level HTTP client, used by every client the engine makes with pagerduty.NewClient.
//
//go:linkname pagerdutyHTTPClient github.com/PagerDuty/go-pagerduty.defaultHTTPClient
var pagerdutyHTTPClient pagerduty.HTTPClient

// The instant the TypeScript side's test clock shows (tests/_helpers/delivery.ts).
var fixedNow = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

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
	// How the loopback SMTP server answers the end of a message instead of accepting it.
	MailReply *smtpReply `json:"mailReply,omitempty"`
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
	// The public half of the case's {{PRIVATE_KEY}} (PKIX PEM), when it has one.
	PublicKey string `json:"publicKey,omitempty"`
	// The messages the loopback SMTP server accepted ({{SMTP_PORT}}).
	Mails []mail `json:"mails,omitempty"`
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
	// the Host header as sent, which a signature (SigV4) covers
	req.Header.Set("Host", req.Host)
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
	w.Header().Set("Date", fixedNow.Format(http.TimeFormat))
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

func run(rc *receiver, mails *smtpReceiver, c testCase) result {
	mails.reset(c.MailReply)
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
	fill := []string{"{{SERVER}}", rc.server.URL, "{{HOST}}", host, "{{SMTP_PORT}}", fmt.Sprint(mails.port())}
	if strings.Contains(c.Settings, "{{PRIVATE_KEY}}") {
		private, public, err := newKey()
		if err != nil {
			return fail(err)
		}
		quoted, _ := json.Marshal(private)
		fill = append(fill, "{{PRIVATE_KEY}}", string(quoted))
		res.PublicKey = public
	}
	settings, err := yaml.YAMLToJSON([]byte(strings.NewReplacer(fill...).Replace(c.Settings)))
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
	res.Mails = mails.taken()
	return res
}

// newKey makes a throwaway RSA key: the private half as PKCS#1 PEM, the public half as PKIX PEM.
func newKey() (string, string, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return "", "", err
	}
	public, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return "", "", err
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})),
		string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: public})), nil
}

// isolate keeps the AWS SDK's default configuration chain from reading this machine's environment and files.
func isolate() {
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "AWS_") {
			_ = os.Unsetenv(name)
		}
	}
	_ = os.Setenv("AWS_CONFIG_FILE", os.DevNull)
	_ = os.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	_ = os.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func main() {
	log.SetLevel(log.PanicLevel)
	isolate()
	awsNow = func() time.Time { return fixedNow }
	var cases []testCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rc := &receiver{}
	rc.server = httptest.NewServer(rc)
	defer rc.server.Close()
	mails, err := newSMTPReceiver()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	target, _ := url.Parse(rc.server.URL)
	http.DefaultTransport = redirect{target: target, next: &http.Transport{}}
	pagerdutyHTTPClient = &http.Client{Transport: http.DefaultTransport}
	results := make([]result, 0, len(cases))
	names := map[string]bool{}
	for _, c := range cases {
		if names[c.Name] {
			fmt.Fprintf(os.Stderr, "duplicate case %q\n", c.Name)
			os.Exit(1)
		}
		names[c.Name] = true
		results = append(results, run(rc, mails, c))
	}
	out := json.NewEncoder(os.Stdout)
	out.SetIndent("", "  ")
	out.SetEscapeHTML(false)
	if err := out.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

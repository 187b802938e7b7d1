// Command subscriptions produces golden fixtures for annotation subscriptions: which destinations the Go engine
// derives from one annotation (pkg/subscriptions/annotations.go's iterate + GetDestinations, then Dedup), decoding
// the YAML form with sigs.k8s.io/yaml exactly as the engine does. The logic is re-stated here with the standard
// library and sigs.k8s.io/yaml only (Debian: golang-k8s-sigs-yaml-dev), so it builds without modules.
//
// Usage: ./generate.sh
package main

import (
	"encoding/json"
	"os"
	"strings"

	"sigs.k8s.io/yaml"
)

type destination struct {
	Service    string   `json:"service"`
	Recipients []string `json:"recipients"`
}

type subscription struct {
	Trigger      []string
	Destinations []destination
}

type dest struct {
	Service   string `json:"service"`
	Recipient string `json:"recipient"`
}

type testCase struct {
	ID                     string              `json:"id"`
	Prefix                 string              `json:"prefix,omitempty"`
	Key                    string              `json:"key"`
	Value                  string              `json:"value"`
	DefaultTriggers        []string            `json:"defaultTriggers"`
	ServiceDefaultTriggers map[string][]string `json:"serviceDefaultTriggers"`
	Deviation              string              `json:"deviation,omitempty"`
	YAMLError              bool                `json:"yamlError,omitempty"`
	Expected               map[string][]dest   `json:"expected"`
}

func recipientsOf(v string) []string {
	var out []string
	for _, r := range strings.Split(v, ";") {
		if r = strings.TrimSpace(r); r != "" {
			out = append(out, r)
		}
	}
	return out
}

// one handles a single annotation, so the engine's reuse of the previous annotation's recipients cannot show.
func one(c *testCase, emit func(trigger, service string, recipients []string)) {
	prefix := c.Prefix
	if prefix == "" {
		prefix = "notifications.argoproj.io"
	}
	k, v := c.Key, c.Value
	switch {
	case strings.HasPrefix(k, prefix+"/subscribe."):
		parts := strings.Split(k[len(prefix+"/subscribe."):], ".")
		trigger, service := parts[0], ""
		if len(parts) >= 2 {
			service = parts[1]
		} else {
			service, trigger = parts[0], ""
		}
		recipients := []string{""}
		if v != "" {
			recipients = recipientsOf(v)
		}
		emit(trigger, service, recipients)
	case strings.HasPrefix(k, prefix+"/subscriptions"):
		var subs []subscription
		if err := yaml.Unmarshal([]byte(v), &subs); err != nil {
			c.YAMLError = true
		}
		for _, s := range subs {
			triggers := s.Trigger
			if len(triggers) == 0 {
				triggers = []string{""}
			}
			for _, t := range triggers {
				for _, d := range s.Destinations {
					emit(t, d.Service, d.Recipients)
				}
			}
		}
	}
}

func main() {
	var cases []testCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		panic(err)
	}
	for i := range cases {
		c := &cases[i]
		res := map[string][]dest{}
		one(c, func(trigger, service string, recipients []string) {
			for _, r := range recipients {
				triggers := c.DefaultTriggers
				if trigger != "" {
					triggers = []string{trigger}
				} else if t, ok := c.ServiceDefaultTriggers[service]; ok {
					triggers = t
				}
				for _, t := range triggers {
					res[t] = append(res[t], dest{service, r})
				}
			}
		})
		for t, ds := range res {
			seen := map[dest]bool{}
			var out []dest
			for _, d := range ds {
				if !seen[d] {
					seen[d] = true
					out = append(out, d)
				}
			}
			res[t] = out
		}
		c.Expected = res
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(cases); err != nil {
		panic(err)
	}
}

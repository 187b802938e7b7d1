// Command state-json produces golden fixtures for the notified-state annotation: what Go's encoding/json makes of
// the Go engine's map[string]int64 state (encode, decode, truncate-then-encode) and how its state keys are built.
// It re-states the engine's behaviour with the standard library only, so it builds with any Go and no modules.
//
// Usage: go run main.go < cases.json > ../../../tests/conformance/notified-state.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"sort"
)

type keyCase struct {
	ID           string `json:"id"`
	SelfConfig   bool   `json:"selfConfig"`
	APINamespace string `json:"apiNamespace"`
	Trigger      string `json:"trigger"`
	ConditionKey string `json:"conditionKey"`
	OncePer      string `json:"oncePer"`
	Service      string `json:"service"`
	Recipient    string `json:"recipient"`
	Expected     string `json:"expected"`
}

type entry struct {
	Key   string `json:"key"`
	Value int64  `json:"value"`
}

type stateCase struct {
	ID       string           `json:"id"`
	State    map[string]int64 `json:"state,omitempty"`
	Entries  []entry          `json:"entries,omitempty"`
	Value    *string          `json:"value,omitempty"`
	Max      int              `json:"max,omitempty"`
	Expected *string          `json:"expected"`
	Error    bool             `json:"error,omitempty"`
}

type fixture struct {
	Go       string      `json:"go"`
	Keys     []keyCase   `json:"keys"`
	Encode   []stateCase `json:"encode"`
	Decode   []stateCase `json:"decode"`
	Truncate []stateCase `json:"truncate"`
}

func key(c keyCase) string {
	k := fmt.Sprintf("%s:%s:%s:%s", c.Trigger, c.ConditionKey, c.Service, c.Recipient)
	if c.SelfConfig {
		k = fmt.Sprintf("%s:%s:%s:%s:%s", c.APINamespace, c.Trigger, c.ConditionKey, c.Service, c.Recipient)
	}
	if c.OncePer != "" {
		k = c.OncePer + ":" + k
	}
	return k
}

func marshal(s map[string]int64) *string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	out := string(b)
	return &out
}

// truncate drops the oldest entries; the cases use distinct timestamps, so the engine's unstable sort does not matter.
func truncate(s map[string]int64, max int) {
	if cnt := len(s) - max; cnt > 0 {
		keys := make([]string, 0, len(s))
		for k := range s {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return s[keys[i]] < s[keys[j]] })
		for _, k := range keys[:cnt] {
			delete(s, k)
		}
	}
}

func main() {
	var f fixture
	if err := json.NewDecoder(os.Stdin).Decode(&f); err != nil {
		panic(err)
	}
	f.Go = runtime.Version()
	for i := range f.Keys {
		f.Keys[i].Expected = key(f.Keys[i])
	}
	for i := range f.Encode {
		f.Encode[i].Expected = marshal(f.Encode[i].State)
	}
	for i := range f.Decode {
		res := map[string]int64{}
		if err := json.Unmarshal([]byte(*f.Decode[i].Value), &res); err != nil {
			res = map[string]int64{}
			f.Decode[i].Error = true
		}
		// "null" leaves a nil map, which the engine treats as empty (and which marshals as null).
		if res == nil {
			res = map[string]int64{}
		}
		f.Decode[i].Expected = marshal(res)
	}
	for i := range f.Truncate {
		s := map[string]int64{}
		for k, v := range f.Truncate[i].State {
			s[k] = v
		}
		truncate(s, f.Truncate[i].Max)
		f.Truncate[i].Expected = marshal(s)
	}
	// The state travels as a list of entries: a JSON import turns a "__proto__" key into a prototype.
	for _, cases := range [][]stateCase{f.Encode, f.Truncate} {
		for i := range cases {
			keys := make([]string, 0, len(cases[i].State))
			for k := range cases[i].State {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				cases[i].Entries = append(cases[i].Entries, entry{k, cases[i].State[k]})
			}
			if cases[i].Entries == nil {
				cases[i].Entries = []entry{}
			}
			cases[i].State = nil
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		panic(err)
	}
}

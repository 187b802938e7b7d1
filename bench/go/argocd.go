package main

// The variables Argo CD hands to the engine. Argo CD's own packages (argo-cd/v3/util/notification/settings and
// …/expression) cannot be imported here: the argo-cd/v3 module needs a newer Go than this machine has and brings the
// whole of Argo CD with it. So this file re-states, minimally, what its `GetVars` does on every trigger run and every
// send: copy `app`, `context` (plus `notificationType`) and `secrets` into a fresh map, add the `time` and `strings`
// helper namespaces (built once, at start-up, as Argo CD's `init` does), and a fresh `repo` namespace bound to the
// Application (its two closures are allocated on every call, as in Argo CD; the catalog calls none of the `repo`
// helpers, so only `QueryEscape` is real).

import (
	"errors"
	"maps"
	"net/url"
	"strings"
	"time"

	"github.com/argoproj/notifications-engine/pkg/api"
	"github.com/argoproj/notifications-engine/pkg/services"
	"sigs.k8s.io/yaml"
)

// argoCDHelpers is Argo CD's `helpers` map: the `time` and `strings` expression namespaces.
var argoCDHelpers = map[string]any{
	"time": map[string]any{
		"Parse":       parseRFC3339,
		"Now":         time.Now,
		"Nanosecond":  time.Nanosecond,
		"Microsecond": time.Microsecond,
		"Millisecond": time.Millisecond,
		"Second":      time.Second,
		"Minute":      time.Minute,
		"Hour":        time.Hour,
		"Layout":      time.Layout,
		"ANSIC":       time.ANSIC,
		"UnixDate":    time.UnixDate,
		"RubyDate":    time.RubyDate,
		"RFC822":      time.RFC822,
		"RFC822Z":     time.RFC822Z,
		"RFC850":      time.RFC850,
		"RFC1123":     time.RFC1123,
		"RFC1123Z":    time.RFC1123Z,
		"RFC3339":     time.RFC3339,
		"RFC3339Nano": time.RFC3339Nano,
		"Kitchen":     time.Kitchen,
		"Stamp":       time.Stamp,
		"StampMilli":  time.StampMilli,
		"StampMicro":  time.StampMicro,
		"StampNano":   time.StampNano,
	},
	"strings": map[string]any{
		"ReplaceAll": strings.ReplaceAll,
		"ToUpper":    strings.ToUpper,
		"ToLower":    strings.ToLower,
	},
}

// parseRFC3339 is Argo CD's `time.Parse`: RFC 3339 only, and a panic (which expr turns into an error) on bad input.
func parseRFC3339(timestamp string) time.Time {
	t, err := time.Parse(time.RFC3339, timestamp)
	if err != nil {
		panic(err)
	}
	return t
}

var errNoArgoCD = errors.New("no Argo CD API server in this benchmark")

// notRestated stands in for Argo CD's git-URL helpers, which the catalog never calls.
func notRestated(string) string { panic(errNoArgoCD) }

// argoCDGetVars is Argo CD's `initGetVars`: the `context` ConfigMap key read once, then a fresh variable map per call.
func argoCDGetVars(data map[string]string, secret map[string][]byte) (api.GetVars, error) {
	context := map[string]string{}
	if raw, ok := data["context"]; ok {
		if err := yaml.Unmarshal([]byte(raw), &context); err != nil {
			return nil, err
		}
	}
	return func(obj map[string]any, dest services.Destination) map[string]any {
		withType := map[string]string{"notificationType": dest.Service}
		maps.Copy(withType, context)
		vars := map[string]any{"app": obj, "context": withType, "secrets": secret}
		maps.Copy(vars, argoCDHelpers)
		vars["repo"] = map[string]any{
			"RepoURLToHTTPS":    notRestated,
			"FullNameByRepoURL": notRestated,
			"QueryEscape":       url.QueryEscape,
			"GetCommitMetadata": func(string) any { panic(errNoArgoCD) },
			"GetAppDetails":     func() any { panic(errNoArgoCD) },
		}
		return vars
	}, nil
}

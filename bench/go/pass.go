package main

// One pass of the Go controller over one resource. The engine's `processResourceWithAPI` and `getDestinations`
// (pkg/controller/controller.go) are unexported methods of a controller that needs a Kubernetes client, an informer and
// a work queue, so they are re-stated here, line for line, over the engine's exported parts: `Config`'s global
// subscriptions, `subscriptions.Annotations.GetDestinations`, `Destinations.Merge/Dedup`, `API.RunTrigger` (the
// triggers service: expr programs compiled once), `NotificationsState.SetAlreadyNotified` (state keys),
// `API.Send` (Argo CD's variables, then every template's templaters: text/template + sprig for every field of every
// service block) and `NewStateFromRes`/`Persist` (the annotation read and written, truncated to 100 entries).
//
// Left out, as our `evaluate` leaves them to the host: log lines (Argo CD logs at info level, several per pass) and
// Prometheus counters. Argo CD's own pre-checks (`skipProcessing`) and project subscriptions (`alterDestinations`) are
// Argo CD's, not the engine's, and are left out too. All of this only makes the Go figure higher.

import (
	"fmt"

	"github.com/argoproj/notifications-engine/pkg/api"
	"github.com/argoproj/notifications-engine/pkg/controller"
	"github.com/argoproj/notifications-engine/pkg/services"
	"github.com/argoproj/notifications-engine/pkg/subscriptions"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// destinations is the controller's `getDestinations` (no `alterDestinations` option).
func destinations(res *unstructured.Unstructured, cfg api.Config) services.Destinations {
	dests := cfg.GetGlobalDestinations(res.GetLabels())
	dests.Merge(subscriptions.NewAnnotations(res.GetAnnotations()).GetDestinations(cfg.DefaultTriggers, cfg.ServiceDefaultTriggers))
	return dests.Dedup()
}

// decide is the body of the controller's `processResourceWithAPI` for a non-self-service configuration: it updates
// `state` in place, sends through the API's services, and returns how many sends failed.
func decide(a api.API, res *unstructured.Unstructured, state controller.NotificationsState) (failed int) {
	cfg := a.GetConfig()
	dests := destinations(res, cfg)
	if len(dests) == 0 {
		return 0
	}
	for trigger, to := range dests {
		results, err := a.RunTrigger(trigger, res.Object)
		if err != nil {
			failed++
		}
		for _, cr := range results {
			if !cr.Triggered {
				for _, d := range to {
					state.SetAlreadyNotified(false, cfg.Namespace, trigger, cr, d, false)
				}
				continue
			}
			for _, d := range to {
				if changed := state.SetAlreadyNotified(false, cfg.Namespace, trigger, cr, d, true); !changed {
					continue
				}
				if err := a.Send(res.Object, cr.Templates, d); err != nil {
					state.SetAlreadyNotified(false, cfg.Namespace, trigger, cr, d, false)
					failed++
				}
			}
		}
	}
	return failed
}

// controllerPass is `processResourceWithAPI` whole: the state read from the resource's annotation, the decision,
// and the annotations to write back (`Persist`: truncated to 100 entries, encoded as JSON).
func controllerPass(a api.API, res *unstructured.Unstructured) (map[string]string, error) {
	state := controller.NewStateFromRes(res)
	if failed := decide(a, res, state); failed > 0 {
		return nil, fmt.Errorf("%d trigger runs or sends failed", failed)
	}
	return state.Persist(res)
}

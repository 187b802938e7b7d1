// The Go notifications engine's own controller (github.com/argoproj/notifications-engine/pkg/controller) on Foos, for
// bench/controller: a dynamic informer on dummy.example.org/v1 foos in one namespace, the engine's API factory on the
// notification ConfigMap and Secret of that namespace, the Foo as `foo` in conditions and templates, 4 workers (the
// count Argo CD's notification controller runs with by default).
package main

import (
	"context"
	"flag"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/argoproj/notifications-engine/pkg/api"
	"github.com/argoproj/notifications-engine/pkg/controller"
	"github.com/argoproj/notifications-engine/pkg/services"
	log "github.com/sirupsen/logrus"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/clientcmd"
)

func main() {
	kubeconfig := flag.String("kubeconfig", "", "kubeconfig file")
	namespace := flag.String("namespace", "default", "namespace of the Foos and the configuration")
	workers := flag.Int("workers", 4, "controller workers")
	flag.Parse()
	log.SetLevel(log.WarnLevel)

	cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		log.Fatal(err)
	}
	// Raised from client-go's 5/10 so that the client's rate limiter does not decide the figures.
	cfg.QPS = 1000
	cfg.Burst = 2000
	dyn := dynamic.NewForConfigOrDie(cfg)
	k8s := kubernetes.NewForConfigOrDie(cfg)
	foos := dyn.Resource(schema.GroupVersionResource{Group: "dummy.example.org", Version: "v1", Resource: "foos"})
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer cancel()

	informer := cache.NewSharedIndexInformer(&cache.ListWatch{
		ListFunc: func(o metav1.ListOptions) (runtime.Object, error) { return foos.Namespace(*namespace).List(ctx, o) },
		WatchFunc: func(o metav1.ListOptions) (watch.Interface, error) { return foos.Namespace(*namespace).Watch(ctx, o) },
	}, &unstructured.Unstructured{}, time.Hour, cache.Indexers{})
	factory := informers.NewSharedInformerFactoryWithOptions(k8s, time.Hour, informers.WithNamespace(*namespace))
	cms := factory.Core().V1().ConfigMaps().Informer()
	secrets := factory.Core().V1().Secrets().Informer()
	apiFactory := api.NewFactory(api.Settings{
		ConfigMapName: "notifications-cm",
		SecretName:    "notifications-secret",
		InitGetVars: func(_ *api.Config, _ *corev1.ConfigMap, _ *corev1.Secret) (api.GetVars, error) {
			return func(obj map[string]any, _ services.Destination) map[string]any { return map[string]any{"foo": obj} }, nil
		},
	}, *namespace, secrets, cms)
	ctrl := controller.NewController(foos, informer, apiFactory)
	go informer.Run(ctx.Done())
	factory.Start(ctx.Done())
	if !cache.WaitForCacheSync(ctx.Done(), informer.HasSynced, cms.HasSynced, secrets.HasSynced) {
		os.Exit(1)
	}
	os.Stdout.WriteString("synced\n")
	ctrl.Run(*workers, ctx.Done())
}

// Command otelcol is a minimal OpenTelemetry Collector for rampart-audit's
// export tests: the OTLP receiver and the debug exporter, both from the
// collector's core, built from the collector's own modules at the versions
// pinned in go.mod. The debug exporter at detailed verbosity writes every log
// record it receives to the file the test names. It is a separate module
// under testdata, so it is never part of Rampart's binaries or of its
// go.work; the tests build it into a cache keyed by its sources.
//
// The collector's own telemetry is its log on stderr and nothing else (no
// metrics, no traces): the SDK-based telemetry the collector's distributions
// use would bring in the cloud resource detectors, with the AWS SDK and the
// Kubernetes client, a third of the build.
//
// Usage: otelcol --config FILE
package main

import (
	"context"
	"log"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/provider/fileprovider"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/exporter/debugexporter"
	"go.opentelemetry.io/collector/otelcol"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/service/telemetry"
	"go.uber.org/zap"
)

// telemetryConfig is service::telemetry, which this collector does not
// configure: a config that sets it is refused.
type telemetryConfig struct{}

func factories() (otelcol.Factories, error) {
	var f otelcol.Factories
	var err error
	if f.Receivers, err = otelcol.MakeFactoryMap[receiver.Factory](otlpreceiver.NewFactory()); err != nil {
		return f, err
	}
	if f.Exporters, err = otelcol.MakeFactoryMap[exporter.Factory](debugexporter.NewFactory()); err != nil {
		return f, err
	}
	f.Telemetry = telemetry.NewFactory(
		func() component.Config { return &telemetryConfig{} },
		telemetry.WithCreateLogger(stderrLogger),
	)
	return f, nil
}

// stderrLogger is the collector's own log: zap's production logger, JSON
// lines on stderr, info and above.
func stderrLogger(_ context.Context, set telemetry.LoggerSettings, _ component.Config) (*zap.Logger, component.ShutdownFunc, error) {
	build := set.BuildZapLogger
	if build == nil {
		build = zap.Config.Build
	}
	l, err := build(zap.NewProductionConfig())
	return l, nil, err
}

func main() {
	set := otelcol.CollectorSettings{
		BuildInfo: component.BuildInfo{Command: "otelcol", Description: "test collector for rampart-audit export", Version: "test"},
		Factories: factories,
		ConfigProviderSettings: otelcol.ConfigProviderSettings{
			ResolverSettings: confmap.ResolverSettings{
				ProviderFactories: []confmap.ProviderFactory{fileprovider.NewFactory()},
				DefaultScheme:     "file",
			},
		},
	}
	if err := otelcol.NewCommand(set).Execute(); err != nil {
		log.Fatal(err)
	}
}

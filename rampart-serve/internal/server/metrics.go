package server

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
)

// metrics are served at GET /metrics in the Prometheus text format:
//
//	rampart_decisions_total{action="deny",tool="exec"} 3
//	rampart_decision_duration_seconds_bucket{le="0.0001"} 120
//	rampart_approvals_pending 1
//	rampart_approvals_resolved_total{status="approved"} 2
//
// Each server has its own registry, so tests can run several.
type metrics struct {
	reg       *prometheus.Registry
	decisions *prometheus.CounterVec
	latency   prometheus.Histogram
	resolved  *prometheus.CounterVec
	// counters by action and tool label, looked up once: WithLabelValues
	// hashes its labels on every call, and this is the hot path.
	byAction [call.Deny + 1]map[string]prometheus.Counter
}

func newMetrics(st *approval.Store) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.decisions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "rampart_decisions_total",
		Help: "Decisions made, by action and tool (exec, read, write, fetch, mcp, or other).",
	}, []string{"action", "tool"})
	m.latency = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "rampart_decision_duration_seconds",
		Help: "Time to decide a call, audit record included.",
		// 25 µs to about 0.4 s.
		Buckets: prometheus.ExponentialBuckets(25e-6, 2, 15),
	})
	m.resolved = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "rampart_approvals_resolved_total",
		Help: "Approvals that left pending, by status (approved, denied, expired, canceled).",
	}, []string{"status"})
	pending := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "rampart_approvals_pending",
		Help: "Calls held for a human right now.",
	}, func() float64 { return float64(st.Pending()) })
	m.reg.MustRegister(m.decisions, m.latency, m.resolved, pending,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for a := call.Allow; a <= call.Deny; a++ {
		m.byAction[a] = map[string]prometheus.Counter{}
		for _, t := range []string{call.ToolExec, call.ToolRead, call.ToolWrite, call.ToolFetch, call.ToolMCP, "other"} {
			m.byAction[a][t] = m.decisions.WithLabelValues(a.String(), t)
		}
	}
	return m
}

// observe counts a decision and how long it took.
func (m *metrics) observe(tool string, a call.Action, d time.Duration) {
	m.count(tool, a)
	m.latency.Observe(d.Seconds())
}

func (m *metrics) count(tool string, a call.Action) {
	if a <= call.Deny {
		m.byAction[a][toolLabel(tool)].Inc()
	}
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

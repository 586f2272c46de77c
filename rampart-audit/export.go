package main

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/rampart-audit/internal/export"
)

// headerList collects repeated -header NAME=VALUE flags.
type headerList []string

func (h *headerList) String() string { return strings.Join(*h, ", ") }
func (h *headerList) Set(v string) error {
	name, _, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(name) == "" {
		return errors.New("want NAME=VALUE")
	}
	*h = append(*h, v)
	return nil
}

func (a *app) exportCmd() *ffcli.Command {
	fs := flag.NewFlagSet("rampart-audit export", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	file := fs.String("file", "", "the log to export, with its rotated files (default $RAMPART_HOME/audit/audit.jsonl)")
	to := fs.String("to", "", "where to: syslog+tcp://HOST:PORT, syslog+tls://HOST:6514, otlp+http://HOST:4318 or otlp+https://…")
	cursor := fs.String("cursor", "", "the cursor file (default $RAMPART_HOME/export/TARGET.cursor)")
	follow := fs.Bool("follow", false, "then export new records as they are written, across rotations, until interrupted")
	caFile := fs.String("ca", "", "PEM file of the CA that signed the collector's certificate (tls and https targets; default the system's)")
	serverName := fs.String("server-name", "", "the name the collector's certificate must carry (default the -to host)")
	payload := fs.String("payload", export.PayloadJSON, "syslog message body: json (the record's line) or cef")
	facility := fs.String("facility", "auth", "syslog facility: auth, authpriv, daemon, user, local0 … local7")
	encoding := fs.String("encoding", export.EncodingProto, "OTLP encoding: proto or json")
	var headers headerList
	fs.Var(&headers, "header", "an HTTP header for OTLP, NAME=VALUE (repeatable), such as Authorization=Bearer …")
	batch := fs.Int("batch", export.DefaultBatch, "records per batch")
	retries := fs.Int("retries", export.DefaultRetries, "resends of a failed batch, with exponential backoff, before giving up")
	backoff := fs.Duration("backoff", export.DefaultBackoff, "the first wait before a resend; it doubles up to 30s")
	return &ffcli.Command{
		Name:       "export",
		ShortUsage: "rampart-audit export -to URL [-follow] [-cursor FILE] [flags]",
		ShortHelp:  "send the records to a syslog or OpenTelemetry collector, at least once, in order",
		FlagSet:    fs,
		// No RAMPART_ environment variables: see newFlags.
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("export reads the log named by -file, not FILE arguments (it needs the rotated files and keeps a cursor)")
			}
			if *to == "" {
				return fmt.Errorf("-to is required, such as -to syslog+tls://logs.example.com:6514")
			}
			t, err := export.ParseTarget(*to)
			if err != nil {
				return err
			}
			if *batch < 1 || *retries < 0 || *backoff <= 0 {
				return fmt.Errorf("-batch and -backoff must be positive and -retries not negative")
			}
			fac, ok := export.Facilities[*facility]
			if !ok || fac == 0 {
				return fmt.Errorf("-facility %q is not a syslog facility", *facility)
			}
			if *payload != export.PayloadJSON && *payload != export.PayloadCEF {
				return fmt.Errorf("-payload must be json or cef")
			}
			if *encoding != export.EncodingProto && *encoding != export.EncodingJSON {
				return fmt.Errorf("-encoding must be proto or json")
			}
			var tlsConf *tls.Config
			if t.TLS {
				name := *serverName
				if name == "" {
					name, _, _ = net.SplitHostPort(t.Addr)
				}
				if tlsConf, err = clientTLS(*caFile, name); err != nil {
					return err
				}
			} else if *caFile != "" {
				return fmt.Errorf("-ca can't be used with a %s target (no TLS)", strings.SplitN(*to, ":", 2)[0])
			}
			path := *file
			if path == "" {
				path = a.env.home.AuditLog()
			}
			cur := *cursor
			if cur == "" {
				cur = defaultCursor(a.env.home.Dir, path, *to)
			}
			from, err := export.LoadCursor(cur)
			if err != nil {
				return err
			}
			var sink export.Sink
			switch t.Kind {
			case "syslog":
				host, _ := os.Hostname()
				sink = export.NewSyslog(export.SyslogConfig{
					Addr: t.Addr, TLS: tlsConf, Payload: *payload, Facility: fac,
					Hostname: host, Version: version(),
				})
			case "otlp":
				host, _ := os.Hostname()
				sink = export.NewOTLP(export.OTLPConfig{
					URL: t.URL, TLS: tlsConf, Encoding: *encoding, Headers: headers,
					Hostname: host, Version: version(),
				})
			}
			defer sink.Close()
			fl := export.NewFollower(path, from, func(msg string) { a.warnf("%s", msg) })
			defer fl.Close()
			st, err := export.Run(ctx, fl, sink, export.Options{
				Cursor: cur, Follow: *follow, Batch: *batch, Retries: *retries, Backoff: *backoff,
				Logf: a.warnf,
			})
			a.notef("exported %d records in %d batches (%d resent) to %s; cursor %s at record %d",
				st.Records, st.Batches, st.Resends, *to, cur, fl.Last().Seq)
			return err
		},
	}
}

// defaultCursor names the cursor of an export of log to target: one file
// per log and target under $RAMPART_HOME/export, so two exports never
// share a cursor.
func defaultCursor(home, log, target string) string {
	sum := sha256.Sum256([]byte(log + "\x00" + target))
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, target)
	if len(name) > 64 {
		name = name[:64]
	}
	return filepath.Join(home, "export", name+"-"+hex.EncodeToString(sum[:4])+".cursor")
}

// clientTLS is the TLS configuration for a collector: TLS 1.2 or later,
// the system's roots unless -ca names a CA file.
func clientTLS(caFile, serverName string) (*tls.Config, error) {
	c := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: serverName}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, fmt.Errorf("-ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("-ca %s: no PEM certificate in it", caFile)
		}
		c.RootCAs = pool
	}
	return c, nil
}

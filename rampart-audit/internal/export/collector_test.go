package export

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
)

// The tests in this file start real collectors: rsyslogd from the Debian
// package, and an OpenTelemetry Collector built from its own modules
// (otelcol_test.go). They run under make test-export, which sets
// RAMPART_COLLECTOR_TESTS=1; with CI=true (or as root) they install rsyslog
// with apt-get when it is missing.

func needCollectors(t *testing.T) {
	t.Helper()
	if os.Getenv("RAMPART_COLLECTOR_TESTS") == "" {
		t.Skip("real collectors are tested by make test-export (RAMPART_COLLECTOR_TESTS=1)")
	}
}

// rsyslogd finds rsyslogd and its GnuTLS driver, installing the Debian
// packages when it can.
func rsyslogd(t *testing.T) string {
	t.Helper()
	find := func() string {
		p, err := exec.LookPath("rsyslogd")
		if err != nil {
			if _, err := os.Stat("/usr/sbin/rsyslogd"); err != nil {
				return ""
			}
			p = "/usr/sbin/rsyslogd"
		}
		if m, _ := filepath.Glob("/usr/lib/*/rsyslog/lmnsd_gtls.so"); len(m) == 0 {
			return ""
		}
		return p
	}
	if p := find(); p != "" {
		return p
	}
	if _, err := exec.LookPath("apt-get"); err != nil || os.Geteuid() != 0 {
		t.Skip("rsyslogd with its GnuTLS driver is not installed and cannot be here (needs root and apt-get): apt-get install rsyslog rsyslog-gnutls")
	}
	install := func() error {
		cmd := exec.Command("apt-get", "install", "-y", "--no-install-recommends", "rsyslog", "rsyslog-gnutls")
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, lastLines(out, 5))
		}
		return nil
	}
	if err := install(); err != nil {
		if out, err := exec.Command("apt-get", "update").CombinedOutput(); err != nil {
			t.Skipf("apt-get update failed, rsyslog cannot be installed: %s", lastLines(out, 5))
		}
		if err := install(); err != nil {
			t.Skipf("apt-get install rsyslog rsyslog-gnutls failed: %v", err)
		}
	}
	p := find()
	if p == "" {
		t.Fatal("rsyslog installed, but rsyslogd or lmnsd_gtls.so is not where it should be")
	}
	return p
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// freePort returns a loopback port nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// testPKI writes a CA and a certificate for 127.0.0.1 signed by it.
func testPKI(t *testing.T, dir string) (ca, cert, key string) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "rampart test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	srvKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srvTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	caCert, _ := x509.ParseCertificate(caDER)
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, caCert, &srvKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalECPrivateKey(srvKey)
	write := func(name, typ string, der []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return write("ca.pem", "CERTIFICATE", caDER), write("cert.pem", "CERTIFICATE", srvDER), write("key.pem", "EC PRIVATE KEY", keyDER)
}

// rsyslog is a running rsyslogd with a plain and a TLS imtcp listener on
// loopback, writing every message to out as MSGID|STRUCTURED-DATA|MSG.
type rsyslog struct {
	bin, conf, pid, out string
	plain, tls          int
	ca                  string
	cmd                 *exec.Cmd
	stderr              bytes.Buffer
}

func startRsyslog(t *testing.T) *rsyslog {
	t.Helper()
	bin := rsyslogd(t)
	dir := t.TempDir()
	ca, cert, key := testPKI(t, dir)
	r := &rsyslog{
		bin: bin, conf: filepath.Join(dir, "rsyslog.conf"), pid: filepath.Join(dir, "rsyslogd.pid"),
		out: filepath.Join(dir, "out.log"), plain: freePort(t), tls: freePort(t), ca: ca,
	}
	work := filepath.Join(dir, "work")
	os.Mkdir(work, 0o700)
	conf := fmt.Sprintf(`global(workDirectory=%q maxMessageSize="64k"
       defaultNetstreamDriverCAFile=%q defaultNetstreamDriverCertFile=%q defaultNetstreamDriverKeyFile=%q)
module(load="imtcp")
template(name="rampart" type="string" string="%%msgid%%|%%structured-data%%|%%msg%%\n")
ruleset(name="out") {
  action(type="omfile" file=%q template="rampart")
}
input(type="imtcp" address="127.0.0.1" port="%d" ruleset="out")
input(type="imtcp" address="127.0.0.1" port="%d" ruleset="out"
      streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")
`, work, ca, cert, key, r.out, r.plain, r.tls)
	if err := os.WriteFile(r.conf, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-N1", "-f", r.conf).CombinedOutput(); err != nil {
		t.Fatalf("rsyslogd -N1 rejects the test config: %v\n%s", err, out)
	}
	r.start(t)
	t.Cleanup(r.stop)
	return r
}

func (r *rsyslog) start(t *testing.T) {
	t.Helper()
	r.cmd = exec.Command(r.bin, "-n", "-f", r.conf, "-i", r.pid)
	r.cmd.Stderr = &r.stderr
	r.cmd.Stdout = &r.stderr
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for _, port := range []int{r.plain, r.tls} {
		for {
			c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
			if err == nil {
				c.Close()
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("rsyslogd does not listen on %d: %v\n%s", port, err, r.stderr.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// stop stops rsyslogd as an init system would (SIGTERM) and waits for it.
func (r *rsyslog) stop() {
	if r.cmd == nil || r.cmd.Process == nil {
		return
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { r.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		r.cmd.Process.Kill()
		<-done
	}
	r.cmd = nil
}

// outLines returns the lines rsyslog has written so far.
func (r *rsyslog) outLines() []string {
	b, _ := os.ReadFile(r.out)
	s := strings.TrimSuffix(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// checkStream checks the seqs a collector received, in the order it wrote
// them: every seq from 1 to n, and never one that skips ahead of all those
// before it (repeats, from a resend or a replay, are allowed).
func checkStream(t *testing.T, seqs []uint64, n uint64) {
	t.Helper()
	var top uint64
	seen := map[uint64]bool{}
	dups := 0
	for i, s := range seqs {
		if s > top+1 {
			t.Fatalf("message %d is record %d, after records up to %d only: the stream skipped", i, s, top)
		}
		if seen[s] {
			dups++
		}
		seen[s] = true
		top = max(top, s)
	}
	if top != n || len(seen) != int(n) {
		t.Fatalf("the collector got %d distinct records up to %d, want 1 to %d", len(seen), top, n)
	}
	t.Logf("%d messages for %d records (%d repeated)", len(seqs), n, dups)
}

// waitFor polls cond until it holds or d passes.
func waitFor(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	return true
}

// TestRsyslog streams records to a real rsyslogd over TCP, restarts it in
// the middle of the stream, and checks that it got every record, each
// intact (its hash checks out), none skipped. Then it exports the same log
// over TLS with the CEF payload.
func TestRsyslog(t *testing.T) {
	needCollectors(t)
	r := startRsyslog(t)
	l, path := openLog(t, 32<<10)
	const total = 600
	appendN(t, l, 1, 100)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cursor := filepath.Join(t.TempDir(), "tcp.cursor")
	done := make(chan error, 1)
	var logs bytes.Buffer
	var logMu sync.Mutex
	go func() {
		sink := NewSyslog(SyslogConfig{Addr: fmt.Sprintf("127.0.0.1:%d", r.plain), Hostname: "test"})
		defer sink.Close()
		_, err := Run(ctx, NewFollower(path, Cursor{}, nil), sink, Options{
			Cursor: cursor, Follow: true, Batch: 20, Poll: 10 * time.Millisecond,
			Backoff: 100 * time.Millisecond, MaxBackoff: time.Second, Retries: 30,
			Logf: func(f string, a ...any) { logMu.Lock(); fmt.Fprintf(&logs, f+"\n", a...); logMu.Unlock() },
		})
		done <- err
	}()
	// Records keep coming while the collector goes down and comes back.
	for i := 101; i <= total; i += 10 {
		appendN(t, l, i, 10)
		if i == 301 {
			t0 := time.Now()
			r.stop()
			t.Logf("rsyslogd stopped in %v", time.Since(t0).Round(time.Millisecond))
		}
		if i == 401 {
			r.start(t)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t0 := time.Now()
	ok := waitFor(60*time.Second, func() bool {
		c, _ := LoadCursor(cursor)
		return c.Seq == total
	})
	cancel()
	t.Logf("the export caught up %v after the last record was written", time.Since(t0).Round(time.Millisecond))
	if err := waitRun(t, done); err != nil {
		t.Fatalf("export: %v", err)
	}
	if !ok {
		t.Fatalf("the cursor did not reach %d; retries:\n%s", total, logs.String())
	}
	// The cursor says acknowledged; give rsyslog's file writer a moment.
	var seqs []uint64
	waitFor(10*time.Second, func() bool {
		seqs = seqs[:0]
		seen := map[uint64]bool{}
		for _, line := range r.outLines() {
			s := checkLine(t, line, "json")
			seqs = append(seqs, s)
			seen[s] = true
		}
		return len(seen) == total
	})
	checkStream(t, seqs, total)
	logMu.Lock()
	t.Logf("retries during the restart:\n%s", logs.String())
	logMu.Unlock()

	// Over TLS, with the CEF payload, everything there is, then exit:
	// through the rampart-audit command itself, with its default cursor.
	before := len(r.outLines())
	bin := buildRampartAudit(t)
	home := t.TempDir()
	cmd := exec.Command(bin, "export", "-to", fmt.Sprintf("syslog+tls://127.0.0.1:%d", r.tls), "-ca", r.ca, "-payload", "cef", "-file", path)
	cmd.Env = append(os.Environ(), "RAMPART_HOME="+home)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), fmt.Sprintf("exported %d records", total)) {
		t.Fatalf("rampart-audit export over TLS: %v\n%s", err, out)
	}
	if m, _ := filepath.Glob(filepath.Join(home, "export", "syslog_tls___127.0.0.1_*.cursor")); len(m) != 1 {
		t.Fatalf("no default cursor under %s/export: %s", home, out)
	} else if c, err := LoadCursor(m[0]); err != nil || c.Seq != total {
		t.Fatalf("default cursor %+v, %v", c, err)
	}
	waitFor(10*time.Second, func() bool { return len(r.outLines())-before >= total })
	seqs = seqs[:0]
	for _, line := range r.outLines()[before:] {
		seqs = append(seqs, checkLine(t, line, "cef"))
	}
	checkStream(t, seqs, total)

	// A collector whose certificate the CA did not sign is refused at once.
	other, _, _ := testPKI(t, t.TempDir())
	bad, _ := clientTLSForTest(other)
	sink := NewSyslog(SyslogConfig{Addr: fmt.Sprintf("127.0.0.1:%d", r.tls), TLS: bad})
	_, err = Run(context.Background(), NewFollower(path, Cursor{}, nil), sink, Options{Cursor: filepath.Join(t.TempDir(), "bad.cursor"), Retries: 5})
	sink.Close()
	if err == nil || !IsPermanent(err) {
		t.Fatalf("an unknown CA: err %v, want a permanent certificate error", err)
	}
}

// checkLine checks one line rsyslog wrote (MSGID|SD|MSG) and returns the
// record's seq: the structured data names it, and a JSON payload is the
// record itself, whose hash must check out.
func checkLine(t *testing.T, line, payload string) uint64 {
	t.Helper()
	parts := strings.SplitN(line, "|", 3)
	if len(parts) != 3 || !strings.HasPrefix(parts[1], "["+SDID+" seq=\"") {
		t.Fatalf("rsyslog wrote %q, not MSGID|SD|MSG with our structured data", line)
	}
	seq := seqOf(parts[1])
	if parts[0] != "deny" {
		t.Fatalf("MSGID %q, want the decision", parts[0])
	}
	msg := strings.TrimPrefix(parts[2], " ")
	switch payload {
	case "json":
		rec, err := audit.ParseRecord([]byte(msg))
		if err != nil {
			t.Fatalf("the message of record %d is not the record: %v\n%s", seq, err, msg)
		}
		if rec.Seq != seq || rec.ComputeHash() != rec.Hash {
			t.Fatalf("record %d arrived altered (seq %d, hash check %v)", seq, rec.Seq, rec.ComputeHash() == rec.Hash)
		}
	case "cef":
		if !strings.HasPrefix(msg, "CEF:0|Rampart|Rampart|") || !strings.Contains(msg, "|deny|") || !strings.Contains(msg, " cn1="+strconv.FormatUint(seq, 10)+" ") {
			t.Fatalf("the message of record %d is not its CEF line: %s", seq, msg)
		}
	}
	return seq
}

func clientTLSForTest(caFile string) (*tls.Config, error) {
	b, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(b)
	return &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}, nil
}

// buildRampartAudit builds the rampart-audit command for the tests.
func buildRampartAudit(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "rampart-audit")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build rampart-audit: %v\n%s", err, out)
	}
	return bin
}

package export

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"

	"rampart.dev/pkg/audit"
)

// Syslog payloads: what goes in the MSG part of each message.
const (
	PayloadJSON = "json" // the record's line exactly as stored
	PayloadCEF  = "cef"  // an ArcSight Common Event Format line
)

// SDID is the SD-ID of the structured data element every message carries.
// 32473 is the private enterprise number RFC 5612 reserves for
// documentation; Rampart has none of its own, and receivers match on the
// whole "rampart@32473".
const SDID = "rampart@32473"

// Syslog facilities by name (RFC 5424 section 6.2.1).
var Facilities = map[string]int{
	"kern": 0, "user": 1, "mail": 2, "daemon": 3, "auth": 4, "syslog": 5, "lpr": 6,
	"news": 7, "uucp": 8, "cron": 9, "authpriv": 10, "ftp": 11,
	"local0": 16, "local1": 17, "local2": 18, "local3": 19,
	"local4": 20, "local5": 21, "local6": 22, "local7": 23,
}

// syslogSeverity maps a decision to a syslog severity: a deny is a warning,
// a call held for a human a notice, the rest informational.
var syslogSeverity = map[string]int{"deny": 4, "require_approval": 5, "log": 6, "allow": 6}

// maxReplayBytes bounds the memory the replay window takes whatever the
// records' size: 1,000 typical records are well under it.
const maxReplayBytes = 8 << 20

// SyslogConfig configures a syslog Sink.
type SyslogConfig struct {
	Addr     string      // host:port
	TLS      *tls.Config // nil for plain TCP
	Payload  string      // PayloadJSON (default) or PayloadCEF
	Facility int         // see Facilities; 0 means auth (kern is for the kernel)
	Hostname string      // the HOSTNAME field; "-" when empty
	AppName  string      // the APP-NAME field; "rampart" when empty
	Version  string      // Rampart's version, for CEF's header
	// Replay is how many already acknowledged messages (at most 8 MiB of
	// them) are sent again first on a new connection after a failure
	// (default 1000). Plain TCP syslog has no acknowledgment of its own: a
	// collector that crashes loses what its TCP stack took in but it had
	// not yet processed.
	Replay int
	// AckTimeout bounds the wait for the collector's TCP stack to take in
	// a batch (default 10s).
	AckTimeout time.Duration
	// DialTimeout bounds a connection attempt (default 10s).
	DialTimeout time.Duration
}

// Syslog is a Sink that writes RFC 5424 messages with octet-counting
// framing (RFC 6587 section 3.4.1) over TCP or TLS (RFC 5425).
//
// A batch counts as delivered once the collector's TCP stack has
// acknowledged every byte of it and the connection is still open (Linux:
// SIOCOUTQ is 0 and a peek finds no end of stream); on a new connection
// after a failure the last Replay messages are sent again first.
type Syslog struct {
	cfg    SyslogConfig
	conn   net.Conn
	tcp    *net.TCPConn
	gone   chan struct{} // closed when the collector ends the connection
	recent [][]byte      // frames acknowledged lately, oldest first, for replay
	kept   int           // bytes in recent
	replay bool          // the last connection failed: replay recent first
	buf    []byte
}

// NewSyslog returns a syslog Sink; it connects on the first Send.
func NewSyslog(cfg SyslogConfig) *Syslog {
	if cfg.Payload == "" {
		cfg.Payload = PayloadJSON
	}
	if cfg.Facility <= 0 || cfg.Facility > 23 {
		cfg.Facility = Facilities["auth"]
	}
	if cfg.AppName == "" {
		cfg.AppName = "rampart"
	}
	if cfg.Replay == 0 {
		cfg.Replay = 1000
	}
	if cfg.AckTimeout <= 0 {
		cfg.AckTimeout = 10 * time.Second
	}
	if cfg.DialTimeout <= 0 {
		cfg.DialTimeout = 10 * time.Second
	}
	return &Syslog{cfg: cfg}
}

// Send writes items and waits until the collector's TCP stack has them.
func (s *Syslog) Send(ctx context.Context, items []Item) error {
	if s.conn != nil && closed(s.gone) {
		s.fail(nil) // went away while idle: reconnect and replay now
	}
	if s.conn == nil {
		if err := s.dial(ctx); err != nil {
			return err
		}
	}
	b := s.buf[:0]
	if s.replay {
		for _, fr := range s.recent {
			b = append(b, fr...)
		}
	}
	start := len(b)
	frames := make([]int, 0, len(items)) // end offset of each new frame
	for _, it := range items {
		b = AppendFrame(b, s.message(it))
		frames = append(frames, len(b))
	}
	s.buf = b
	deadline := time.Now().Add(s.cfg.AckTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	s.conn.SetWriteDeadline(deadline)
	if _, err := s.conn.Write(b); err != nil {
		return s.fail(fmt.Errorf("syslog %s: %w", s.cfg.Addr, err))
	}
	if err := waitAcked(ctx, s.tcp, s.gone, deadline); err != nil {
		return s.fail(fmt.Errorf("syslog %s: %w", s.cfg.Addr, err))
	}
	s.replay = false
	prev := start
	for _, end := range frames {
		s.recent = append(s.recent, append([]byte(nil), b[prev:end]...))
		s.kept += end - prev
		prev = end
	}
	drop := 0
	for len(s.recent)-drop > s.cfg.Replay || s.kept > maxReplayBytes && len(s.recent)-drop > 1 {
		s.kept -= len(s.recent[drop])
		drop++
	}
	if drop > 0 {
		s.recent = append(s.recent[:0], s.recent[drop:]...)
	}
	return nil
}

// fail drops the connection after an error; the next Send redials and
// replays.
func (s *Syslog) fail(err error) error {
	s.Close()
	s.replay = true
	return err
}

func (s *Syslog) dial(ctx context.Context) error {
	d := &net.Dialer{Timeout: s.cfg.DialTimeout, KeepAlive: 30 * time.Second}
	c, err := d.DialContext(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("syslog: %w", err)
	}
	tcp := c.(*net.TCPConn)
	if s.cfg.TLS != nil {
		tc := tls.Client(c, s.cfg.TLS)
		hctx, cancel := context.WithTimeout(ctx, s.cfg.DialTimeout)
		err := tc.HandshakeContext(hctx)
		cancel()
		if err != nil {
			c.Close()
			var cv *tls.CertificateVerificationError
			if errors.As(err, &cv) {
				return Permanent(fmt.Errorf("syslog %s: %w", s.cfg.Addr, err))
			}
			return fmt.Errorf("syslog %s: tls: %w", s.cfg.Addr, err)
		}
		c = tc
	}
	s.conn, s.tcp, s.gone = c, tcp, make(chan struct{})
	// A collector sends nothing back but TLS session tickets: reading
	// them keeps the receive queue empty, and the read's end says when
	// the collector closed or reset the connection.
	go func(c net.Conn, gone chan struct{}) {
		io.Copy(io.Discard, c)
		close(gone)
	}(c, s.gone)
	return nil
}

func closed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// Close closes the connection.
func (s *Syslog) Close() error {
	if s.conn == nil {
		return nil
	}
	err := s.conn.Close()
	s.conn, s.tcp = nil, nil
	return err
}

// message is the RFC 5424 message for one record.
func (s *Syslog) message(it Item) []byte {
	return AppendRFC5424(nil, it, s.cfg)
}

// AppendFrame appends msg with octet-counting framing: its length in
// decimal, a space, the message.
func AppendFrame(b, msg []byte) []byte {
	b = strconv.AppendInt(b, int64(len(msg)), 10)
	b = append(b, ' ')
	return append(b, msg...)
}

// AppendRFC5424 appends the syslog message for it:
//
//	<PRI>1 TIMESTAMP HOSTNAME APP-NAME - MSGID [rampart@32473 seq=… id=… hash=… prev=… tool=… decision=… agent=… session=… policy=… via=…] MSG
//
// with the decision as MSGID, and the record's line (or a CEF line) as MSG.
func AppendRFC5424(b []byte, it Item, cfg SyslogConfig) []byte {
	r := it.Rec
	sev, ok := syslogSeverity[r.Decision]
	if !ok {
		sev = 6
	}
	b = append(b, '<')
	b = strconv.AppendInt(b, int64(cfg.Facility*8+sev), 10)
	b = append(b, ">1 "...)
	b = append(b, r.Time.UTC().Format(audit.TimeFormat)...)
	b = append(b, ' ')
	b = appendHeaderField(b, cfg.Hostname, 255)
	b = append(b, ' ')
	b = appendHeaderField(b, cfg.AppName, 48)
	b = append(b, " - "...)
	b = appendHeaderField(b, r.Decision, 32)
	b = append(b, " ["...)
	b = append(b, SDID...)
	for _, p := range []struct{ k, v string }{
		{"seq", strconv.FormatUint(r.Seq, 10)}, {"id", r.ID}, {"hash", r.Hash}, {"prev", r.Prev},
		{"tool", r.Tool}, {"decision", r.Decision}, {"agent", r.Agent}, {"session", r.Session},
		{"policy", strings.Join(r.MatchedPolicies, ",")}, {"via", r.Via},
	} {
		b = append(b, ' ')
		b = append(b, p.k...)
		b = append(b, `="`...)
		b = appendParamValue(b, p.v)
		b = append(b, '"')
	}
	b = append(b, "] "...)
	if cfg.Payload == PayloadCEF {
		return AppendCEF(b, r, cfg.Version)
	}
	return append(b, it.Line...)
}

// appendHeaderField appends s as a header field: printable US-ASCII
// without spaces, at most max bytes; "-" (the nil value) when empty.
func appendHeaderField(b []byte, s string, max int) []byte {
	n := 0
	for i := 0; i < len(s) && n < max; i++ {
		if c := s[i]; c > 32 && c < 127 {
			b = append(b, c)
			n++
		}
	}
	if n == 0 {
		b = append(b, '-')
	}
	return b
}

// appendParamValue escapes a PARAM-VALUE: '"', '\' and ']' get a backslash
// (RFC 5424 section 6.3.3).
func appendParamValue(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\', ']':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return b
}

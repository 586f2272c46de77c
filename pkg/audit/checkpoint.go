package audit

import (
	"encoding/base64"
	"fmt"
	"time"
)

// A Checkpoint commits to the state of a log: its last seq and that
// record's hash, at a time, signed with an ed25519 key. Kept somewhere the
// log's attacker cannot reach, it proves later that the log still extends
// it: Verify with VerifyOptions.Checkpoint fails if the record at that seq
// changed or the log no longer reaches it.
//
// Package auditkey signs, parses and checks checkpoints; this package only
// holds their form, so that the binaries that append to the log (the hook
// among them) link no signature code.
//
// Its text form is a signed body and a signature line:
//
//	rampart audit checkpoint v1
//	seq 8000
//	hash 5be0c2b1...64 hex digits
//	time 2025-01-02T03:04:05Z
//	key 9f86d081884c7d65 <base64 ed25519 public key>
//
//	sig <base64 ed25519 signature of the five body lines, newlines included>
//
// The key id is the first 8 bytes of the SHA-256 of the public key, in hex.
type Checkpoint struct {
	Seq   uint64
	Hash  string
	Time  time.Time
	KeyID string
	Key   []byte // ed25519 public key
	Sig   []byte
}

// CheckpointHeader is the first line of a checkpoint's text form.
const CheckpointHeader = "rampart audit checkpoint v1"

// Body returns the signed part of the checkpoint's text form.
func (c *Checkpoint) Body() []byte {
	return fmt.Appendf(nil, "%s\nseq %d\nhash %s\ntime %s\nkey %s %s\n", CheckpointHeader,
		c.Seq, c.Hash, c.Time.UTC().Format(time.RFC3339), c.KeyID, base64.StdEncoding.EncodeToString(c.Key))
}

// Marshal returns the checkpoint's text form.
func (c *Checkpoint) Marshal() []byte {
	return fmt.Appendf(c.Body(), "\nsig %s\n", base64.StdEncoding.EncodeToString(c.Sig))
}

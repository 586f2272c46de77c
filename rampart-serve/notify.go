package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/private"
	"rampart.dev/rampart-serve/internal/server"
)

// maxNotifyConfig bounds the notification config file: a list of webhooks.
const maxNotifyConfig = 64 << 10

// notifyFile is the notification config file:
//
//	# ~/.rampart/notify.yaml (0600: webhook URLs and headers are secrets)
//	public_url: http://127.0.0.1:9090
//	webhooks:
//	  - url: https://hooks.slack.com/services/T000/B000/XXXX
//	    format: slack
//	  - url: https://ops.example.com/rampart
//	    headers: {Authorization: "Bearer …"}
type notifyFile struct {
	PublicURL string           `yaml:"public_url"`
	Webhooks  []server.Webhook `yaml:"webhooks"`
}

// stringList collects a repeated flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, " ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// notifyConfig builds the notifications from the config file (missing is
// fine, unreadable or malformed is an error) and the -notify flags.
func notifyConfig(path string, generic, slack []string, publicURL, addr string) (server.Notify, error) {
	var n server.Notify
	var file notifyFile
	b, err := readCapped(path, maxNotifyConfig)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return n, fmt.Errorf("notifications: %w", err)
	default:
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&file); err != nil && err != io.EOF {
			return n, fmt.Errorf("%s: %v", path, err)
		}
		if open, err := private.OpenToOthers(path); err == nil && open != "" && len(file.Webhooks) > 0 {
			fmt.Fprintf(os.Stderr, "rampart-serve: warning: %s is readable by others (%s), and webhook URLs are secrets: %s\n", path, open, private.Fix(path))
		}
	}
	n.Webhooks = file.Webhooks
	for _, u := range generic {
		n.Webhooks = append(n.Webhooks, server.Webhook{URL: u, Format: server.FormatJSON})
	}
	for _, u := range slack {
		n.Webhooks = append(n.Webhooks, server.Webhook{URL: u, Format: server.FormatSlack})
	}
	for i, h := range n.Webhooks {
		if h.Format == "" {
			n.Webhooks[i].Format = server.FormatJSON
		}
		if err := server.CheckWebhook(h); err != nil {
			return n, err
		}
	}
	n.BaseURL = publicURL
	if n.BaseURL == "" {
		n.BaseURL = file.PublicURL
	}
	if n.BaseURL == "" {
		n.BaseURL = "http://" + addr
	}
	return n, nil
}

func readCapped(path string, max int64) ([]byte, error) {
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(b)) > max {
		err = fmt.Errorf("%s: larger than %d KiB", path, max>>10)
	}
	return b, err
}

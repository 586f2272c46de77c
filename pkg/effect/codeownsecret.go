package effect

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// Code that reads a service's token from the environment and calls that
// service with it uses the token where it belongs, as curl -H
// "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/… does:
// requests.get('https://api.github.com/user', headers={'Authorization':
// 'Bearer ' + os.environ['GITHUB_TOKEN']}), WebClient(token=
// os.environ['SLACK_BOT_TOKEN']).auth_test(), require('stripe')(
// process.env.STRIPE_TEST_SECRET_KEY). It is so when every secret the code
// holds is a variable read by name (CodeFacts.SecretVars) of one known
// service (secretHomes), and the code reaches only that service: every URL
// it spells is on the service's domains or this machine, or it spells no
// URL, loads that service's own client library and no general HTTP client
// (which could be pointed anywhere by a URL built at run time). A token
// with a URL of another host, two services' tokens, a credential file, or
// code that builds code keeps its credential->network flow.

// codeSDKHomes are the spellings by which code loads a service's client
// library, with the key of that service in homeDomains.
var codeSDKHomes = []struct{ mark, home string }{
	{"slack_sdk", "slack"}, {"slack_bolt", "slack"}, {"@slack/", "slack"},
	{"import stripe", "stripe"}, {"require('stripe')", "stripe"}, {`require("stripe")`, "stripe"}, {"from 'stripe'", "stripe"}, {`from "stripe"`, "stripe"},
	{"from github import", "gh"}, {"import github", "gh"}, {"octokit", "gh"}, {"Octokit", "gh"}, {"ghapi", "gh"},
	{"import gitlab", "glab"}, {"@gitbeaker/", "glab"},
	{"boto3", "aws"}, {"@aws-sdk/", "aws"}, {"aws-sdk", "aws"},
	{"google.cloud", "gcloud"}, {"@google-cloud/", "gcloud"}, {"googleapiclient", "gcloud"},
	{"azure.", "az"}, {"@azure/", "az"},
	{"import openai", "openai"}, {"from openai", "openai"}, {"require('openai')", "openai"}, {`require("openai")`, "openai"},
	{"import('openai')", "openai"}, {`import("openai")`, "openai"}, {"from 'openai'", "openai"}, {`from "openai"`, "openai"},
	{"import anthropic", "anthropic"}, {"from anthropic", "anthropic"}, {"@anthropic-ai/", "anthropic"},
	{"@supabase/", "supabase"}, {"from supabase", "supabase"},
	{"datadog_api_client", "datadog"}, {"from datadog", "datadog"}, {"@datadog/", "datadog"},
	{"sentry_sdk", "sentry"}, {"@sentry/", "sentry"},
	{"from twilio", "twilio"}, {"require('twilio')", "twilio"}, {"sendgrid", "sendgrid"},
	{"huggingface_hub", "huggingface"}, {"@huggingface/", "huggingface"},
	{"linear_sdk", "linear"}, {"@linear/sdk", "linear"}, {"notion_client", "notion"}, {"@notionhq/", "notion"},
}

// codeHTTPClients are general HTTP clients and sockets: code holding one
// can send a token to any host a URL built at run time names.
var codeHTTPClients = []string{
	"requests", "httpx", "urllib", "http.client", "aiohttp", "socket", "pycurl", "fetch(", "axios", "XMLHttpRequest",
	"node-fetch", "undici", "got(", "got.", "http.request", "https.request", "request(", "Net::HTTP", "HTTParty",
	"Faraday", "open-uri", "URI.open", "LWP", "HTTP::Tiny", "curl_", "file_get_contents", "net/http", "WebSocket",
	"Deno.connect", "Bun.connect", "net.connect", "net.createConnection", "dgram", "TCPSocket",
}

var codeHTTPClientSet = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(codeHTTPClients) }}

// codeTokenAtHome reports whether the inline code of command c uses its
// secret variables only to log in to their own service: through a general
// client whose requests name only that service (codelogins.go), or
// through the service's own library (codeSecretsAtHome).
func codeTokenAtHome(c *shell.Command) bool {
	return codeLogsInHome(c) || codeSecretsAtHome(c)
}

// codeSecretsAtHome reports whether the inline code of command c sends its
// secret variables only to their own service through its library (see
// above).
func codeSecretsAtHome(c *shell.Command) bool {
	k := c.Code
	if len(k.SecretVars) == 0 || k.Dynamic || k.DecodedRun || k.Environ || k.Capture {
		return false
	}
	home := ""
	for _, v := range k.SecretVars {
		h := secretHome(v)
		if h == "" || home != "" && h != home {
			return false
		}
		home = h
	}
	code, ok, stdin := shell.InterpreterCode(c)
	if !ok && stdin && len(c.Stdin) > 0 {
		code, ok = strings.Join(c.Stdin, "\n"), true
	}
	if !ok || code == "" {
		return false
	}
	return codeSecretHome(code, home)
}

// codeSecretHome reports whether code reaches only the service home
// through that service's library and no general client: the URLs it
// spells (a self-managed base URL) are all the service's, or it spells
// none. Code with a general client is judged by what its requests name
// (codeLogsInHome), not here.
func codeSecretHome(code, home string) bool {
	text := substrs.NewText(code)
	if codeHTTPClientSet.Get().In(&text) || urlBuilt(code) {
		return false
	}
	hosts, ok := codeURLs(code)
	if !ok || !endpointsLiteral(code) {
		return false // a host text joined to it, or an endpoint set at run time, may move
	}
	if len(hosts) > 0 {
		var away []string
		for _, h := range hosts {
			if u, ok := match.ParseURL(h); !ok || !loopback(u.Host) {
				away = append(away, h)
			}
		}
		return len(away) == 0 || allHome(away, home, false)
	}
	for _, s := range codeSDKHomes {
		if s.home == home && strings.Contains(code, s.mark) {
			return true
		}
	}
	return false
}

// sdkEndpointKeys are the names by which code points a service's client
// library at another server (Github(base_url=…), OpenAI(baseURL: …),
// boto3.client(endpoint_url=…), a config's "host": …).
var sdkEndpointKeys = []string{
	"base_url", "baseUrl", "baseURL", "BaseURL", "base_uri", "api_base", "apiBase", "api_url", "apiUrl",
	"endpoint", "Endpoint", "server_url", "serverURL", "host", "url",
}

var sdkEndpointKeySet = table.Once[*substrs.Set]{Build: func() *substrs.Set { return substrs.NewSet(sdkEndpointKeys) }}

// endpointsLiteral reports whether every endpoint a client library is
// given in code is a URL literal (base_url="https://…"), so that
// codeURLs reads where it points: a value from the environment, an
// argument, a file or a variable could point it anywhere.
func endpointsLiteral(code string) bool {
	text := substrs.NewText(code)
	if !sdkEndpointKeySet.Get().In(&text) {
		return true // most code: no endpoint named
	}
	for _, k := range sdkEndpointKeys {
		for at := 0; ; {
			j := strings.Index(code[at:], k)
			if j < 0 {
				break
			}
			at += j + len(k)
			rest := strings.TrimLeft(code[at:], " \t\"'")
			if rest == "" || rest[0] != '=' && rest[0] != ':' {
				continue // the name in another use (endpoint.list(), urlopen)
			}
			v := strings.TrimLeft(rest[1:], " \t")
			if v == "" || strings.IndexByte("'\"`", v[0]) < 0 || URLSchemeLen(v[1:]) == 0 {
				return false
			}
		}
	}
	return true
}

// NextURL returns the index of the first http:// or https:// URL, its
// scheme in any case (HTTPS://, Http://), that starts at or after at in
// code, or -1: the one search the code readers walk a text's URLs with.
func NextURL(code string, at int) int {
	for at < len(code) {
		k := indexFold(code[at:], "http")
		if k < 0 {
			return -1
		}
		k += at
		if URLSchemeLen(code[k:]) > 0 {
			return k
		}
		at = k + 4
	}
	return -1
}

// URLSchemeLen returns the length of the http:// or https:// that starts
// s, in any case, or 0.
func URLSchemeLen(s string) int {
	switch {
	case len(s) >= 8 && strings.EqualFold(s[:8], "https://"):
		return 8
	case len(s) >= 7 && strings.EqualFold(s[:7], "http://"):
		return 7
	}
	return 0
}

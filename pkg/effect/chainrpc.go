package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A chain node's JSON-RPC API broadcasts a transaction when it is called
// with one of its sending methods (eth_sendRawTransaction,
// eth_sendTransaction, Solana's sendTransaction, Bitcoin Core's
// sendrawtransaction and sendtoaddress, a Tendermint node's
// broadcast_tx_commit). Sent by any HTTP client (curl -d, the fetch tool's
// body, an MCP tool's request), such a call moves funds as a wallet CLI's
// send does (funds.go), and is judged by the same reading of the network:
// the node's URL names it (mainnet.infura.io, a sepolia or devnet RPC,
// localhost).

// broadcastMethods are the JSON-RPC methods, lower-cased, that sign or
// broadcast a transaction.
var broadcastMethods = table.Map[string, bool]{Words: `eth_sendrawtransaction eth_sendtransaction
	eth_sendbundle eth_sendprivatetransaction eth_sendrawtransactionconditional personal_sendtransaction
	sendtransaction sendrawtransaction sendtoaddress sendmany sendfrom
	broadcast_tx_sync broadcast_tx_async broadcast_tx_commit
	sui_executetransactionblock starknet_addinvoketransaction`}

// rpcBroadcast returns the sending method a request body names as its
// JSON-RPC "method" member, or "".
func rpcBroadcast(body string) string {
	if strings.Contains(body, `\"`) {
		body = strings.ReplaceAll(body, `\"`, `"`) // a body quoted once more: {\"method\":…}
	}
	rest := body
	for {
		k := strings.Index(rest, `"method"`)
		if k < 0 {
			return ""
		}
		rest = rest[k+len(`"method"`):]
		v := strings.TrimLeft(rest, " \t\r\n\\")
		if !strings.HasPrefix(v, ":") {
			continue
		}
		v = strings.TrimLeft(v[1:], " \t\r\n\\")
		if !strings.HasPrefix(v, `"`) {
			continue
		}
		v = v[1:]
		end := strings.IndexAny(v, `"\`)
		if end < 0 {
			return ""
		}
		if m := strings.ToLower(v[:end]); broadcastMethods.Get(m) {
			return v[:end]
		}
	}
}

// broadcastsTransaction judges an HTTP client's request whose body calls a
// chain node's sending method: funds moved on a main chain, unless the
// node's URL names a local devnet or a test network.
func (a *analysis) broadcastsTransaction(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || !e.HasProps() || e.Prop("fetcher") == "" {
		return
	}
	method := ""
	for _, w := range c.Args {
		if strings.Contains(w, `method`) && strings.Contains(w, `"`) {
			method = rpcBroadcast(w)
		} else if v, ok := strings.CutPrefix(w, "method="); ok && broadcastMethods.Get(strings.ToLower(v)) {
			method = v // httpie's field: http POST NODE method=eth_sendRawTransaction
		} else if u, ok := match.ParseURL(w); ok {
			// a Tendermint node's GET /broadcast_tx_commit?tx=…
			p, _, _ := strings.Cut(u.Rest, "?")
			if seg := p[strings.LastIndexByte(p, '/')+1:]; broadcastMethods.Get(strings.ToLower(seg)) {
				method = seg
			}
		}
		if method != "" {
			break
		}
	}
	if method == "" {
		return
	}
	net := netNone
	for _, w := range cl.Words {
		if w.Role != catalog.URL && !strings.Contains(w.Text, "://") {
			continue
		}
		host := w.Text
		if u, ok := match.ParseURL(w.Text); ok {
			// chainWord reads its host and path: only a loopback host is
			// this machine's node (anvil, a regtest bitcoind); a staging
			// or sandbox host, or one a variable names, may be any chain's
			host = u.Scheme + "://" + u.Host + u.Rest
		}
		if n := chainWord(host, true); n == netLocal {
			return
		} else if n > net {
			net = n
		}
	}
	if net != netMain {
		return
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " " + method + " moves funds on a main chain"})
}

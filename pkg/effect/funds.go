package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A wallet or chain CLI's verb that signs and broadcasts a transaction
// (solana transfer, cast send, forge script --broadcast, bitcoin-cli
// sendtoaddress, near send) moves money, or deploys code that holds it, on
// the network it is pointed at. The catalogue marks such a verb "funds"
// (true, or the mark an option must set: forge script's broadcast), names
// the options and variables that point it at a network ("chain-options",
// "chain-env") and the network it uses when none is named
// ("chain-default": local or main). A local devnet (anvil, localhost, a
// regtest node) or a public test network moves nothing of worth; any
// other network, or one only a variable names, is a main chain's.

// chainNet is what a word says of the network a call reaches.
type chainNet int

const (
	netNone  chainNet = iota // says nothing of it
	netLocal                 // this machine's devnet, or a test network
	netMain                  // a main chain, or one that cannot be told
)

// chainWord reads a network named by a word: an option's value, a flag
// (-regtest, --mainnet), an operand (network-config testnet).
func chainWord(w string, value bool) chainNet {
	w = strings.Trim(w, "'\"")
	if u, ok := chainURL(w, value); ok {
		return chainHost(u)
	}
	l := strings.ToLower(w)
	if chainNamed(l, chainLocalWords) || chainNamed(l, chainTestWords) {
		return netLocal
	}
	if strings.Contains(l, "mainnet") {
		return netMain
	}
	if !value {
		return netNone
	}
	switch strings.TrimLeft(l, "-") {
	case "l", "d", "t": // solana -ul, -ud, -ut
		return netLocal
	}
	return netMain // mainnet-beta's m, a provider's URL, $RPC_URL
}

// chainLocalWords name this machine's chain or a devnet container's:
// words that say so only of a host that is this machine or a name on
// its own network (http://anvil:8545, a compose service), never of a
// public host or a path. chainTestWords name public test networks,
// which a provider names in its host or its path's first segment
// (eth-sepolia.g.alchemy.com, rpc.ankr.com/eth_sepolia).
const (
	chainLocalWords = "localhost 127.0.0.1 0.0.0.0 [::1] regtest localnet anvil hardhat ganache development"
	chainTestWords  = "devnet testnet sepolia goerli holesky hoodi signet fuji amoy mumbai"
)

// chainNamed reports whether the lower-case text l holds one of the
// blank-separated words.
func chainNamed(l, words string) bool {
	for _, k := range strings.Fields(words) {
		if strings.Contains(l, k) {
			return true
		}
	}
	return false
}

// chainURL parses a word that names a node: a URL, or an option's value
// that is a host name written bare (solana -u rpc.example.net): a dotted
// word with no slash or blank.
func chainURL(w string, value bool) (match.URL, bool) {
	if !strings.Contains(w, "://") {
		if !value || !strings.Contains(w, ".") || strings.ContainsAny(w, "/ =") || strings.HasPrefix(w, ".") || strings.HasPrefix(w, "-") || strings.HasPrefix(w, "$") {
			return match.URL{}, false
		}
		w = "http://" + w
	}
	u, ok := match.ParseURL(w)
	return u, ok && u.Host != ""
}

// chainHost reads a node's URL by its host and path only: a user part
// (http://127.0.0.1:8545@mainnet.infura.io), a query or a fragment is the
// caller's to write. A loopback host is this machine's node (anvil, a
// regtest bitcoind); a host named for a main chain is one whatever its
// path says; a public test network counts by the host or the path's first
// segment, a local chain's name only by a host with no dot (a container's
// name): localhost.example.net or example.net/anvil is someone's server.
func chainHost(u match.URL) chainNet {
	h := strings.ToLower(u.Host)
	if loopback(h) || h == "0.0.0.0" || h == "::1" || loopback(u.IPHost) {
		return netLocal
	}
	if strings.Contains(h, "mainnet") {
		return netMain
	}
	if chainNamed(h, chainTestWords) || !strings.Contains(h, ".") && chainNamed(h, chainLocalWords) {
		return netLocal
	}
	p, _, _ := strings.Cut(strings.TrimLeft(u.Rest, "/"), "/")
	p, _, _ = strings.Cut(p, "?")
	p, _, _ = strings.Cut(p, "#")
	if chainNamed(strings.ToLower(p), chainTestWords) {
		return netLocal
	}
	return netMain
}

// movesFunds judges a command whose verb moves funds on a chain.
func (a *analysis) movesFunds(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || !e.HasProps() {
		return
	}
	funds := e.Prop("funds")
	if funds == "" || funds != "true" && !cl.Mark(funds) {
		return
	}
	net := netNone
	say := func(n chainNet) {
		if n > net {
			net = n
		}
	}
	opts := "," + e.Prop("chain-options") + ","
	for _, w := range cl.Words {
		if w.Option != "" && strings.Contains(opts, ","+w.Option+",") {
			say(chainWord(w.Text, true))
		} else if w.Option == "" {
			say(chainWord(w.Text, false))
		}
	}
	for _, arg := range c.Args {
		// flags that name a network (-regtest, --testnet-magic, --mainnet),
		// by their names: another option's value (-rpcconnect=127.0.0.1,
		// the node's address) says nothing of the chain
		if name, val, eq := strings.Cut(arg, "="); strings.HasPrefix(arg, "-") {
			if eq && strings.Contains(opts, ","+name+",") {
				say(chainWord(val, true))
			} else {
				say(chainWord(name, false))
			}
		}
	}
	if env := e.Prop("chain-env"); env != "" {
		for _, as := range c.Assigns {
			for _, v := range strings.Split(env, ",") {
				if val, ok := strings.CutPrefix(as, v+"="); ok {
					say(chainWord(val, true))
				}
			}
		}
	}
	if net == netNone && e.Prop("chain-default") == "main" {
		net = netMain
	}
	if net != netMain {
		return
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " moves funds on a main chain"})
}

// MainChainURL reports whether a node's URL (a wallet tool's rpcUrl, a
// provider's endpoint) points at a main chain by its host and path: not a
// node on this machine, nor one named for a devnet or a public test
// network. Only a URL is read; any other text says nothing.
func MainChainURL(u string) bool {
	return strings.Contains(u, "://") && chainWord(u, true) == netMain
}

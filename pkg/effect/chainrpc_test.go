package effect

import (
	"fmt"
	"strings"
	"testing"
)

// A chain node's sending method, called over HTTP, moves funds on the
// network the node's URL names; reads (eth_getBalance) and nodes on this
// machine or a test network move nothing.
func TestChainRPCBroadcasts(t *testing.T) {
	for cmd, want := range map[string]bool{
		`curl -s -X POST https://mainnet.infura.io/v3/abc -d '{"jsonrpc":"2.0","method":"eth_sendRawTransaction","params":["0x02f8"],"id":1}'`: true,
		`curl -s https://eth.llamarpc.com --json '{"method": "ETH_SENDTRANSACTION","params":[]}'`:                                              true,
		`curl --data-binary '{"method":"sendtoaddress","params":["bc1q",1.5]}' http://node.acme.internal:8332/`:                                true,
		`http POST https://rpc.ankr.com/eth method=eth_sendRawTransaction params:='["0x02f8"]'`:                                                true,
		`curl -s https://rpc.cosmos.network/broadcast_tx_commit?tx=0xabc`:                                                                      true,
		`curl -s -X POST https://mainnet.infura.io/v3/abc -d '{"jsonrpc":"2.0","method":"eth_getBalance","params":["0x8b","latest"]}'`:         false,
		`curl -s https://ethereum-sepolia-rpc.publicnode.com -d '{"method":"eth_sendRawTransaction","params":["0x02f8"]}'`:                     false,
		`curl -s http://127.0.0.1:8545 -d '{"method":"eth_sendRawTransaction","params":["0x02f8"]}'`:                                           false,
		`curl -s https://api.devnet.solana.com -d '{"method":"sendTransaction","params":["AQAB"]}'`:                                            false,
	} {
		if got := strings.Contains(fmt.Sprint(effectsOf(cmd)), "moves funds on a main chain"); got != want {
			t.Errorf("%s: shared-change %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}

func TestRPCBroadcastReadsTheMethodMember(t *testing.T) {
	for body, want := range map[string]string{
		`{"jsonrpc":"2.0","method":"eth_sendRawTransaction","id":1}`:            "eth_sendRawTransaction",
		`{"params":{"method":"x"},"method" : "sendTransaction"}`:                "sendTransaction",
		`{\"method\":\"eth_sendTransaction\"}`:                                  "eth_sendTransaction",
		`{"jsonrpc":"2.0","method":"eth_call","params":[{"data":"0x"}],"id":1}`: "",
		`{"note":"method"}`: "",
	} {
		if got := rpcBroadcast(body); got != want {
			t.Errorf("rpcBroadcast(%s) = %q, want %q", body, got, want)
		}
	}
}

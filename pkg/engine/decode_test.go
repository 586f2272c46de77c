package engine

import (
	"strings"
	"testing"
)

// The texts a credential is written or sent under, each decoded to a text
// credentialIn finds the key in.
func TestDecodingsFindKeys(t *testing.T) {
	for _, in := range []string{
		"aws_access_key_id%3DAKIA4Q7RZ2LKD3MNX7PB",                                                                                                                     // percent
		`const k = '\u0067hp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ1234567'`,                                                                                                    // \u escape
		`k = "\x67hp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ1234567"`,                                                                                                            // \x escape
		"H4sIAAAAAAACA0vPKIgPMslLMcgNMcg2zgszySk1djMoCjEuLjHMS4+ojDI0MjYxNTMHADoRZ0MoAAAA",                                                                             // gzip
		"WjJod1gxSTBibVF3YlZRd2F6TnVWalJzZFROR01ISlVNM04wTVc1bldIbGFNVEl6TkRVMk53PT0=",                                                                                 // base64 twice
		"ZwBoAHAAXwBSADQAbgBkADAAbQBUADAAawAzAG4AVgA0AGwAdQAzAEYAMAByAFQAMwBzAHQAMQBuAGcAWAB5AFoAMQAyADMANAA1ADYANwA=",                                                 // UTF-16LE
		"String.fromCharCode(103,104,112,95,82,52,110,100,48,109,84,48,107,51,110,86,52,108,117,51,70,48,114,84,51,115,116,49,110,103,88,121,90,49,50,51,52,53,54,55)", // char codes
		"&#65;&#75;&#73;&#65;&#52;&#81;&#55;&#82;&#90;&#50;&#76;&#75;&#68;&#51;&#77;&#78;&#88;&#55;&#80;&#66;",                                                         // HTML references
	} {
		found := false
		for _, d := range decodings(in) {
			if credentialIn(d) != "" {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("decodings(%q): no credential found", in)
		}
	}
}

// Ordinary text decodes to nothing that holds a credential.
func TestDecodingsOrdinaryText(t *testing.T) {
	for _, in := range []string{
		"SELECT * FROM t WHERE name LIKE '%20%'",
		`printf("%d\n", x); path := "C:\\Users\\dev"`,
		"const sizes = [1, 2, 4, 8, 16, 32, 64, 128, 255, 1, 2, 4, 8, 16, 32, 64, 128]",
		"&#169; 2026 Acme &amp; Co",
		"integrity: sha512-4f2a1b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c==",
	} {
		for _, d := range decodings(in) {
			if k := credentialIn(d); k != "" {
				t.Errorf("decodings(%q) holds a %s: %q", in, k, d)
			}
		}
	}
}

// FuzzDecodings checks that decoding never panics and stays bounded.
func FuzzDecodings(f *testing.F) {
	for _, s := range []string{"%41%4", `\u00`, `\u{1F600}`, `\x4`, `\101\1`, "H4sI", "eJw=", strings.Repeat("QUFB", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := decodings(s)
		if len(out) > maxDecodings {
			t.Errorf("decodings(%q) = %d texts", s, len(out))
		}
		for _, d := range out {
			if len(d) > maxInflated+4*len(s)+64 {
				t.Errorf("decodings(%q) gave %d bytes", s, len(d))
			}
		}
	})
}

package shell

import (
	"strings"
	"testing"
)

// TestEvalCode checks that text an eval-like call runs is scanned as code
// of the same language when it can be read, decoded or not, and that code
// which only decodes data runs nothing.
func TestEvalCode(t *testing.T) {
	runs := []string{
		`python3 -c "exec(base64.b64decode('aW1wb3J0IHNodXRpbDtzaHV0aWwucm10cmVlKCcvaG9tZS9kZXYnKQ=='))"`,
		`python3 -c "exec(bytes.fromhex('696d706f72742073687574696c3b73687574696c2e726d7472656528272f686f6d652f6465762729'))"`,
		`python3 -c "exec(codecs.decode('696d706f72742073687574696c3b73687574696c2e726d7472656528272f686f6d652f6465762729', 'hex'))"`,
		`python3 -c "exec(compile(base64.b64decode('aW1wb3J0IHNodXRpbDtzaHV0aWwucm10cmVlKCcvaG9tZS9kZXYnKQ=='), 'x', 'exec'))"`,
		`python3 -c "exec(codecs.decode('vzcbeg fuhgvy;fuhgvy.ezgerr(\"/ubzr/qri\")', 'rot13'))"`,
		`node -e "eval(atob('cmVxdWlyZSgnZnMnKS5ybVN5bmMoJy9ob21lL2Rldicse3JlY3Vyc2l2ZTp0cnVlLGZvcmNlOnRydWV9KQ=='))"`,
		`node -e "new Function(Buffer.from('726571756972652827667327292e726d53796e6328272f686f6d652f646576272c7b7265637572736976653a747275652c666f7263653a747275657d29', 'hex').toString())()"`,
		`php -r 'eval("system(\"rm -rf /x\");");'`,
	}
	for _, src := range runs {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm"
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant its rm", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
	for _, src := range []string{
		`python3 -c "print(base64.b64decode('aGVsbG8gd29ybGQ='))"`,
		`python3 -c "print(codecs.decode('uryyb', 'rot13'))"`,
	} {
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" || len(c.Unknown) > 0 || c.Code.Dynamic {
				t.Errorf("Parse(%q): %s runs something: %v %+v", src, describe(c), c.Unknown, c.Code)
			}
		}
	}
	for _, src := range []string{
		`python3 -c "exec(zlib.decompress(base64.b64decode(PAYLOAD)))"`,
		`node -e "eval(require('zlib').inflateSync(Buffer.from(process.env.X, 'base64')).toString())"`,
		`python3 -c "__import__('os').system(__import__('codecs').decode('ez -es ~', 'rot13'))"`,
		`php -r 'eval(base64_decode($argv[1]));'`,
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Code.DecodedRun
		}
		if !found {
			t.Errorf("Parse(%q): runs decoded text, not seen", src)
		}
	}
	for _, src := range []string{
		`python3 -c "import subprocess; subprocess.run(['base64', 'README.md'])"`,
		`python3 -c "print(eval('1 + 2'))"`,
	} {
		for _, c := range Parse(src).Commands {
			if c.Code.DecodedRun {
				t.Errorf("Parse(%q): seen as running decoded text", src)
			}
		}
	}
}

package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestPublishLoginsRead: package registries' logins kept under names that
// do not say credential (LuaRocks' upload_config.lua, JuliaHub's
// auth.toml) are credentials to read, whatever reads them; the same
// tools' other settings are not.
func TestPublishLoginsRead(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, arg string
		want      call.Action
	}{
		{call.ToolRead, "/home/dev/.luarocks/upload_config.lua", call.Deny},
		{call.ToolRead, "/home/dev/.julia/servers/juliahub.com/auth.toml", call.Deny},
		{call.ToolExec, "cat ~/.luarocks/upload_config.lua", call.Deny},
		{call.ToolRead, "/home/dev/.luarocks/config-5.4.lua", call.Allow},
		{call.ToolExec, "luarocks install --local busted", call.Allow},
	} {
		c := mkCall(tt.tool, tt.arg)
		if d := e.Evaluate(c); d.Decision != tt.want {
			t.Errorf("%s %s = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}

package proxy

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"time"
)

// A tools/call made as a task (2025-11-25: params.task) expects a task
// handle back, then fetches the outcome with tasks/get and tasks/result. A
// plain result in its place is rejected by clients that asked for a task,
// and the model never sees why the call was blocked. So a call the proxy
// denies as a task is answered with a task of its own, already completed,
// whose result is the denial; tasks/get, tasks/result and tasks/cancel for
// that task are answered by the proxy and never reach the server.
//
// The task is "completed", not "failed": the call did not fail at the
// protocol level, it was refused, and its result (isError, with the reason)
// is what the client should hand to the model.

// deniedTaskTTL is how long the proxy keeps a denied task's result, in
// milliseconds, as the task's ttl says.
const deniedTaskTTL = 10 * 60 * 1000

// maxDeniedTasks bounds the tasks kept; the oldest go first.
const maxDeniedTasks = 1024

// codeInvalidParams is JSON-RPC's invalid params (an unknown or finished
// task for tasks/cancel).
const codeInvalidParams = -32602

// relatedTaskKey is the _meta member tying a result to its task.
const relatedTaskKey = "io.modelcontextprotocol/related-task"

// deniedTask is a task the proxy made for a denied call.
type deniedTask struct {
	created string         // RFC 3339
	result  map[string]any // the denial, as a tools/call result
	message string         // statusMessage
}

// asTask reports whether tools/call params ask for task execution.
func asTask(params json.RawMessage) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(params, &m) != nil {
		return false
	}
	t, ok := m["task"]
	return ok && len(t) > 0 && t[0] == '{'
}

// denyAsTask records a denied call as a completed task and returns the
// CreateTaskResult that answers the request.
func (p *Proxy) denyAsTask(id json.RawMessage, result map[string]any, message string) []byte {
	var b [16]byte
	rand.Read(b[:])
	taskID := "rampart-denied-" + hex.EncodeToString(b[:])
	t := deniedTask{created: time.Now().UTC().Format(time.RFC3339), result: result, message: message}
	p.mu.Lock()
	if p.tasks == nil {
		p.tasks = map[string]deniedTask{}
	}
	if len(p.taskOrder) >= maxDeniedTasks {
		delete(p.tasks, p.taskOrder[0])
		p.taskOrder = p.taskOrder[1:]
	}
	p.tasks[taskID] = t
	p.taskOrder = append(p.taskOrder, taskID)
	p.mu.Unlock()
	return response(id, "result", map[string]any{"task": taskObject(taskID, t)})
}

func taskObject(id string, t deniedTask) map[string]any {
	return map[string]any{
		"taskId":        id,
		"status":        "completed",
		"statusMessage": t.message,
		"createdAt":     t.created,
		"lastUpdatedAt": t.created,
		"ttl":           deniedTaskTTL,
	}
}

// taskRequest answers tasks/get, tasks/result and tasks/cancel for a task
// the proxy made; ok is false for any other task, which goes to the server.
func (p *Proxy) taskRequest(env envelope) (reply []byte, ok bool) {
	var params struct {
		TaskID string `json:"taskId"`
	}
	if env.id == nil || json.Unmarshal(env.params, &params) != nil {
		return nil, false
	}
	p.mu.Lock()
	t, ok := p.tasks[params.TaskID]
	p.mu.Unlock()
	if !ok {
		return nil, false
	}
	switch env.method {
	case "tasks/get":
		return response(env.id, "result", taskObject(params.TaskID, t)), true
	case "tasks/result":
		res := make(map[string]any, len(t.result)+1)
		for k, v := range t.result {
			res[k] = v
		}
		meta := map[string]any{relatedTaskKey: map[string]any{"taskId": params.TaskID}}
		if m, ok := t.result["_meta"].(map[string]any); ok {
			for k, v := range m {
				meta[k] = v
			}
		}
		res["_meta"] = meta
		return response(env.id, "result", res), true
	case "tasks/cancel":
		return errorResponse(env.id, codeInvalidParams, "rampart-mcp: task "+params.TaskID+" is already completed (the call was blocked)"), true
	}
	return nil, false
}

#include "textflag.h"

// func growStack()
//
// A 28 KiB frame that is never written: the stack check in the prologue
// grows the goroutine's stack to fit it, once, and the body returns.
TEXT ·growStack(SB), 0, $28672-0
	RET

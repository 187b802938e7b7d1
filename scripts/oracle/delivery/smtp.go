package main

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"net"
	"strings"
	"sync"
)

// mail is one message an SMTP session handed over, as the receiver saw it.
type mail struct {
	// The AUTH PLAIN user and password, when the client logged in.
	User     string   `json:"user,omitempty"`
	Password string   `json:"password,omitempty"`
	From     string   `json:"from"`
	To       []string `json:"to"`
	// The message as sent after DATA, dot-stuffing undone.
	Data string `json:"data"`
}

// smtpReply is how the receiver answers the end of a message, instead of accepting it.
type smtpReply struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// smtpReceiver is a loopback SMTP server for gomail (the Go engine's e-mail client): plain text (no STARTTLS
// offered), AUTH PLAIN, and every accepted message recorded. Written here, small: the oracle needs only what gomail
// speaks.
type smtpReceiver struct {
	mu     sync.Mutex
	ln     net.Listener
	refuse *smtpReply
	mails  []mail
}

func newSMTPReceiver() (*smtpReceiver, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &smtpReceiver{ln: ln}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(conn)
		}
	}()
	return s, nil
}

func (s *smtpReceiver) port() int { return s.ln.Addr().(*net.TCPAddr).Port }

func (s *smtpReceiver) reset(refuse *smtpReply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse, s.mails = refuse, nil
}

func (s *smtpReceiver) taken() []mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]mail(nil), s.mails...)
}

func (s *smtpReceiver) serve(conn net.Conn) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	say := func(format string, args ...any) { _, _ = fmt.Fprintf(conn, format+"\r\n", args...) }
	var m mail
	say("220 oracle ESMTP")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch {
		case verb == "EHLO" || verb == "HELO":
			say("250-oracle")
			say("250 AUTH PLAIN")
		case strings.HasPrefix(strings.ToUpper(line), "AUTH PLAIN"):
			arg := strings.TrimSpace(line[len("AUTH PLAIN"):])
			if arg == "" {
				say("334 ")
				if arg, err = r.ReadString('\n'); err != nil {
					return
				}
			}
			raw, _ := base64.StdEncoding.DecodeString(strings.TrimSpace(arg))
			parts := strings.Split(string(raw), "\x00")
			if len(parts) == 3 {
				m.User, m.Password = parts[1], parts[2]
			}
			say("235 2.7.0 accepted")
		case strings.HasPrefix(strings.ToUpper(line), "MAIL FROM:"):
			m.From = address(line[len("MAIL FROM:"):])
			m.To = nil
			say("250 ok")
		case strings.HasPrefix(strings.ToUpper(line), "RCPT TO:"):
			m.To = append(m.To, address(line[len("RCPT TO:"):]))
			say("250 ok")
		case verb == "DATA":
			say("354 go ahead")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(strings.TrimPrefix(l, "."))
			}
			m.Data = data.String()
			s.mu.Lock()
			refuse := s.refuse
			if refuse == nil {
				s.mails = append(s.mails, m)
			}
			s.mu.Unlock()
			if refuse != nil {
				say("%d %s", refuse.Code, refuse.Message)
			} else {
				say("250 ok")
			}
		case verb == "QUIT":
			say("221 bye")
			return
		default: // RSET, NOOP
			say("250 ok")
		}
	}
}

// address is the path of a MAIL FROM or RCPT TO argument, without its angle brackets and parameters.
func address(arg string) string {
	arg = strings.TrimSpace(arg)
	if i := strings.Index(arg, ">"); strings.HasPrefix(arg, "<") && i > 0 {
		return arg[1:i]
	}
	return strings.Fields(arg)[0]
}

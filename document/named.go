package document

import (
	"bytes"
	"encoding/json"
	"fmt"

	"gopkg.in/yaml.v3"
)

// NamedAmount is one money cell of a column that is none of the four
// contract columns, keyed by its header as printed.
type NamedAmount struct {
	Name  string
	Value *Money // nil for an empty cell
}

// NamedMoney is a row's other money columns in printed order. It is written
// as a JSON object (and YAML mapping) whose keys keep that order.
type NamedMoney []NamedAmount

// Get returns the amount under name and whether the column is present.
func (m NamedMoney) Get(name string) (*Money, bool) {
	for _, a := range m {
		if a.Name == name {
			return a.Value, true
		}
	}
	return nil, false
}

// NamedValue is one text cell of an indicator column that has no field of
// its own, keyed by its header as printed.
type NamedValue struct {
	Name  string
	Value string
}

// NamedText is an indicator's other columns in printed order, written as a
// JSON object (and YAML mapping) whose keys keep that order.
type NamedText []NamedValue

// Get returns the text under name and whether the column is present.
func (t NamedText) Get(name string) (string, bool) {
	for _, v := range t {
		if v.Name == name {
			return v.Value, true
		}
	}
	return "", false
}

func marshalOrdered(n int, key func(int) string, val func(int) any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(key(i))
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(val(i))
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// unmarshalOrdered reads a JSON object's members in order.
func unmarshalOrdered(data []byte, each func(key string, raw json.RawMessage) error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("want a JSON object, got %v", t)
	}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if err := each(kt.(string), raw); err != nil {
			return err
		}
	}
	_, err = dec.Token()
	return err
}

// MarshalJSON writes the columns as one object, in printed order.
func (m NamedMoney) MarshalJSON() ([]byte, error) {
	return marshalOrdered(len(m), func(i int) string { return m[i].Name }, func(i int) any { return m[i].Value })
}

// UnmarshalJSON reads an object of amounts, keeping its order.
func (m *NamedMoney) UnmarshalJSON(data []byte) error {
	*m = nil
	return unmarshalOrdered(data, func(k string, raw json.RawMessage) error {
		var v *Money
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("other_money %q: %w", k, err)
		}
		*m = append(*m, NamedAmount{Name: k, Value: v})
		return nil
	})
}

// MarshalJSON writes the columns as one object, in printed order.
func (t NamedText) MarshalJSON() ([]byte, error) {
	return marshalOrdered(len(t), func(i int) string { return t[i].Name }, func(i int) any { return t[i].Value })
}

// UnmarshalJSON reads an object of strings, keeping its order.
func (t *NamedText) UnmarshalJSON(data []byte) error {
	*t = nil
	return unmarshalOrdered(data, func(k string, raw json.RawMessage) error {
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("extra %q: %w", k, err)
		}
		*t = append(*t, NamedValue{Name: k, Value: v})
		return nil
	})
}

func yamlMapping(n int, key func(int) string, val func(int) (*yaml.Node, error)) (*yaml.Node, error) {
	node := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i < n; i++ {
		v, err := val(i)
		if err != nil {
			return nil, err
		}
		node.Content = append(node.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key(i)}, v)
	}
	return node, nil
}

// MarshalYAML writes the columns as one mapping, in printed order.
func (m NamedMoney) MarshalYAML() (any, error) {
	return yamlMapping(len(m), func(i int) string { return m[i].Name }, func(i int) (*yaml.Node, error) {
		if m[i].Value == nil {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
		}
		v, err := m[i].Value.MarshalYAML()
		if err != nil {
			return nil, err
		}
		return v.(*yaml.Node), nil
	})
}

// UnmarshalYAML reads a mapping of amounts, keeping its order.
func (m *NamedMoney) UnmarshalYAML(n *yaml.Node) error {
	*m = nil
	for i := 0; i+1 < len(n.Content); i += 2 {
		a := NamedAmount{Name: n.Content[i].Value}
		if n.Content[i+1].Tag != "!!null" {
			var v Money
			if err := n.Content[i+1].Decode(&v); err != nil {
				return err
			}
			a.Value = &v
		}
		*m = append(*m, a)
	}
	return nil
}

// MarshalYAML writes the columns as one mapping, in printed order.
func (t NamedText) MarshalYAML() (any, error) {
	return yamlMapping(len(t), func(i int) string { return t[i].Name }, func(i int) (*yaml.Node, error) {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t[i].Value}, nil
	})
}

// UnmarshalYAML reads a mapping of strings, keeping its order.
func (t *NamedText) UnmarshalYAML(n *yaml.Node) error {
	*t = nil
	for i := 0; i+1 < len(n.Content); i += 2 {
		*t = append(*t, NamedValue{Name: n.Content[i].Value, Value: n.Content[i+1].Value})
	}
	return nil
}

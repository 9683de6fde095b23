package indicatorrows

import "testing"

func TestProjectKind(t *testing.T) {
	tests := []struct {
		h, parent string
		kind      kind
		money     string
	}{
		{"项目名称", "", kName, ""},
		{"单位（项目）名称", "", kName, ""},
		{"项目", "", kName, ""},
		{"项目(政策)名称", "", kName, ""},
		{"主管部门", "", kSeq, ""},
		{"项目编号", "", kCode, ""},
		{"单位编码", "", kCode, ""},
		{"项目编码", "", kCode, ""},
		{"序号", "", kSeq, ""},
		{"单位名称", "", kUnit, ""},
		{"绩效目标", "", kGoal, ""},
		{"当年绩效目标", "", kGoal, ""},
		{"总体目标", "", kLongGoal, ""},
		{"项目总额", "", kMoney, moneyTotal},
		{"资金总额", "", kMoney, moneyTotal},
		{"合计", "", kMoney, moneyTotal},
		{"总计", "", kMoney, moneyTotal},
		{"财政资金", "其中：", kMoney, moneyFiscal},
		{"财政拨款", "", kMoney, moneyFiscal},
		{"当年财政拨款预算金额", "", kMoney, moneyFiscal},
		{"其他资金", "其中：", kMoney, moneyOther},
		{"财政专户管理资金", "", kMoney, moneySpecial},
		{"合计", "财政拨款", kMoney, moneyFiscal}, // the spanning header's own total
		{"一般公共预算", "财政拨款", kMoney, ""},      // other_money
		{"政府性基金", "财政拨款", kMoney, ""},
		{"合计", "资金总额", kMoney, moneyTotal},
		{"财政拨款", "资金总额", kMoney, moneyFiscal},
		{"其他资金", "资金总额", kMoney, moneyOther},
		{"上年结转", "资金总额", kMoney, ""},
		{"项目概况", "", kNone, ""},
	}
	for _, tt := range tests {
		k, m := projectKind(tt.h, tt.parent)
		if k != tt.kind || m != tt.money {
			t.Errorf("projectKind(%q, %q) = %v %q, want %v %q", tt.h, tt.parent, k, m, tt.kind, tt.money)
		}
	}
}

func TestIndicatorKind(t *testing.T) {
	tests := []struct {
		h, parent string
		want      kind
	}{
		{"一级指标", "", kL1}, {"二级指标", "", kL2}, {"三级指标", "", kInd}, {"指标名称", "", kInd},
		{"指标值", "", kValue}, {"本年绩效指标值", "", kValue}, {"年度指标值", "", kValue},
		{"实施期指标值", "", kPeriod}, {"中长期指标值", "", kPeriod},
		{"绩效指标性质", "", kDirection}, {"指标性质", "", kDirection}, {"指标值类型", "", kDirection}, {"指标方向", "", kDirection},
		{"度量单位", "", kMeasure}, {"计量单位", "", kMeasure}, {"绩效度量单位", "", kMeasure},
		{"权重", "", kWeight}, {"分值", "", kWeight}, {"指标权重(%)", "", kWeight},
		{"指标值内容", "", kNone}, {"评（扣）分标准", "", kNone}, {"备注", "", kNone},
		{"年度", "指标值", kValue}, {"实施期", "指标值", kPeriod},
		{"指标值（数值）", "", kValue}, {"指标值说明", "", kNone}, {"指标解释", "", kNone},
	}
	for _, tt := range tests {
		got := indicatorKind(tt.h)
		if got == kNone {
			got = subValueKind(tt.h, tt.parent)
		}
		if got != tt.want {
			t.Errorf("kind of %q under %q = %v, want %v", tt.h, tt.parent, got, tt.want)
		}
	}
}

func TestCombine(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"项目甲", "", "项目甲"},
		{"", "项目甲", "项目甲"},
		{"项目甲", "项目甲", "项目甲"},
		{"11000022T00000044项目", "11000022T00000044项目甲", "11000022T00000044项目甲"},
		{"…网络市级枢纽平台基础运", "市级枢纽平台基础运维", "…网络市级枢纽平台基础运维"}, // clipped copy overlapping the rest
		{"航空铁路等无", "线电监测", "航空铁路等无线电监测"},                // cut without a copy
		{"甲乙。丙丁。", "乙。 丙丁。", "甲乙。丙丁。"},                  // a copy with a drawn space
	}
	for _, tt := range tests {
		if got := combine(tt.a, tt.b); got != tt.want {
			t.Errorf("combine(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPromoteTotal(t *testing.T) {
	mk := func(labels ...string) *header {
		h := &header{}
		for _, l := range labels {
			k, m := projectKind(l, "")
			h.cols = append(h.cols, column{kind: k, money: m, label: l})
		}
		h.promoteTotal()
		return h
	}
	if h := mk("项目名称", "年度预算", "绩效目标"); h.cols[1].money != moneyTotal {
		t.Errorf("年度预算 alone: %q, want total", h.cols[1].money)
	}
	if h := mk("项目名称", "项目总额", "上年结转资金"); h.cols[2].money != "" {
		t.Errorf("a second money column beside 项目总额: %q, want other_money", h.cols[2].money)
	}
	if h := mk("项目名称", "当年财政拨款预算金额"); h.cols[1].money != moneyFiscal {
		t.Errorf("当年财政拨款预算金额: %q, want fiscal_appropriation (the contract's)", h.cols[1].money)
	}
}

# Thin aliases for the runbook: each rule calls one build target (./build.sh --help lists them all).
# Pass parameters through ARGS, e.g.: make live-crypto ARGS="--speed max --duration 2h"
BUILD := ./build.sh
ARGS ?=

.PHONY: help install-deps test start-services stop-services stage-deploy import-dashboards verify-dashboards \
        live-crypto live-stocks dry-run evaluate-gates promote report-status install-cron backtest benchmark build-images

help: ## List the rules and the build target behind each
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

install-deps: ## ./build.sh InstallDeps (the system packages of scripts/install-deps.sh that are missing)
	$(BUILD) InstallDeps $(ARGS)
test: ## ./build.sh Test
	$(BUILD) Test $(ARGS)
start-services: ## ./build.sh StartServices (Redis, Prometheus, Alertmanager, the image registry)
	$(BUILD) StartServices $(ARGS)
stop-services: ## ./build.sh StopServices
	$(BUILD) StopServices $(ARGS)
stage-deploy: ## ./build.sh StageDeploy
	$(BUILD) StageDeploy $(ARGS)
build-images: ## ./build.sh BuildImages (build and push to EDGERISK_REGISTRY)
	$(BUILD) BuildImages $(ARGS)
import-dashboards: ## ./build.sh ImportDashboards
	$(BUILD) ImportDashboards $(ARGS)
verify-dashboards: ## ./build.sh VerifyDashboards (panels load and refresh, < 2 s lag)
	$(BUILD) VerifyDashboards $(ARGS)
live-crypto: ## ./build.sh LiveCrypto (BTC-USD, ETH-USD)
	$(BUILD) LiveCrypto $(ARGS)
live-stocks: ## ./build.sh LiveStocks (NVDA)
	$(BUILD) LiveStocks $(ARGS)
dry-run: ## ./build.sh DryRun (48 h; virtual clock locally, real time in staging: ARGS="--profile staging --prometheus-url URL")
	$(BUILD) DryRun $(ARGS)
evaluate-gates: ## ./build.sh EvaluateGates
	$(BUILD) EvaluateGates $(ARGS)
promote: ## ./build.sh Promote (the whole release)
	$(BUILD) Promote $(ARGS)
report-status: ## ./build.sh ReportStatus
	$(BUILD) ReportStatus $(ARGS)
install-cron: ## ./build.sh InstallCron (the 12-hourly PnL and memory reports)
	$(BUILD) InstallCron $(ARGS)
backtest: ## ./build.sh Backtest
	$(BUILD) Backtest $(ARGS)
benchmark: ## ./build.sh Benchmark
	$(BUILD) Benchmark $(ARGS)

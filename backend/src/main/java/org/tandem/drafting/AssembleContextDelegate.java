package org.tandem.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tandem.cases.CaseVariables;

@Component("assembleContext")
class AssembleContextDelegate implements JavaDelegate {

    private final ContextAssembler assembler;

    AssembleContextDelegate(ContextAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assembler.assemble(((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue());
    }
}
